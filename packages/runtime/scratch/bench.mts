import { readFileSync, writeFileSync, mkdtempSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import jsonata from 'jsonata';
import Database from 'better-sqlite3';
import { createAjv, flowDocumentSchema } from '@seam/flow';
import { createRuntime } from '../src/index.ts';

const N = Number(process.env.N ?? 100000);
const crm = JSON.parse(readFileSync('/work/main/flows/crm-to-billing.json', 'utf8'));
const samples0 = crm.samples['crm-webhook'].filter((s: any) => s.customer?.address);
const samples = process.env.BAD ? samples0 : samples0.filter((_: any, i: number) => i !== 3);
const mapNode = crm.nodes.find((n: any) => n.type === 'jsonata');
const checkNode = crm.nodes.find((n: any) => n.type === 'json-schema');
const dir = mkdtempSync(join(tmpdir(), 'seam-bench-'));
const lines: string[] = [];
for (let i = 0; i < N; i++) { const s = structuredClone(samples[i % samples.length]); s.order.number = `2026-${i}`; s.order.createdAt = '2026-11-20T09:31:05Z'; lines.push(JSON.stringify(s)); }
writeFileSync(join(dir, 'in.ndjson'), lines.join('\n') + '\n');

async function hand() {
  const db = new Database(join(dir, 'hand.db')); db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE invoices (message_id TEXT PRIMARY KEY, payload)');
  const ins = db.prepare('INSERT OR REPLACE INTO invoices VALUES (?, ?)');
  const tx = db.transaction((rows: any[][]) => { for (const r of rows) ins.run(...r); });
  const expr = jsonata(mapNode.config.expression); const validate = createAjv().compile(checkNode.config.schema);
  const c0 = process.cpuUsage(); const t = performance.now(); let batch: any[][] = []; let i = 0; let ok = 0;
  for await (const line of createInterface({ input: createReadStream(join(dir, 'in.ndjson')) })) {
    if (!line) continue;
    const out = await expr.evaluate(JSON.parse(line));
    if (validate(out)) { ok++; batch.push([String(i++), JSON.stringify(out)]); if (batch.length >= 500) { tx(batch); batch = []; } }
  }
  tx(batch);
  const cu = process.cpuUsage(c0); return { ms: (cu.user + cu.system) / 1000, ok };
}

async function seam(durableInbox: boolean, concurrency: number) {
  const doc = flowDocumentSchema.parse({ formatVersion: 2, id: 'bench', name: 'bench', nodes: [
    { id: 'read', type: 'file', config: { path: 'in.ndjson' } },
    { id: 'map', type: 'jsonata', config: { expression: mapNode.config.expression } },
    { id: 'check', type: 'json-schema', config: checkNode.config },
    { id: 'store', type: 'sqlite', config: { database: `seam-${durableInbox}-${concurrency}.db`, table: 'invoices' } },
  ], edges: [{ from: 'read', to: 'map' }, { from: 'map', to: 'check' }, { from: 'check', to: 'store' }] });
  const rt = createRuntime({ dbPath: join(dir, `rt-${durableInbox}-${concurrency}.db`), dataDir: dir, durableInbox, concurrency, ...(process.env.RH ? { runHistory: { maxMessages: Number(process.env.RH), maxPayloadBytes: Number(process.env.RH) } } : {}), logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const c0 = process.cpuUsage();
  const s = await rt.runOnce({ document: doc, file: join(dir, 'flow.json') });
  const cu = process.cpuUsage(c0); const ms = (cu.user + cu.system) / 1000;
  await rt.close();
  return { ms, s };
}
const h = process.env.HAND === '0' ? { ms: 1, ok: 0 } : await hand(); console.log('hand', Math.round(N / h.ms * 1000), 'msg/s', h.ok);
for (const [d, c] of (process.env.CASES ? JSON.parse(process.env.CASES) : [[true, 16], [true, 256], [false, 256], [true, 1024]]) as [boolean, number][]) {
  const r = await seam(d, c); console.log(`seam durable=${d} c=${c}`, Math.round(N / r.ms * 1000), 'msg/s', (h.ms / r.ms).toFixed(2), r.s.delivered, r.s.deadLettered, 'rss', Math.round(process.memoryUsage().rss / 1e6));
}
