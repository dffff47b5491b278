import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowDocumentSchema } from '@seam/flow';
import { createRuntime } from '../src/index.ts';
const dir = mkdtempSync(join(tmpdir(), 'seam-leak-'));
const N = 30000;
writeFileSync(join(dir, 'in.ndjson'), Array.from({ length: N }, (_, i) => JSON.stringify({ n: i, s: 'x'.repeat(300) })).join('\n'));
const doc = flowDocumentSchema.parse({ formatVersion: 2, id: 'leak', name: 'leak', nodes: [
  { id: 'read', type: 'file', config: { path: 'in.ndjson' } },
  { id: 'map', type: 'jsonata', config: { expression: '{"n": n, "s": s}' } },
  { id: 'store', type: 'sqlite', config: { table: 't' } },
], edges: [{ from: 'read', to: 'map' }, { from: 'map', to: 'store' }] });
const rt = createRuntime({ dbPath: join(dir, 'rt.db'), dataDir: dir, runHistory: { maxMessages: 0 }, logger: { debug() {}, info() {}, warn() {}, error() {} } });
const timer = setInterval(() => { console.log('heap', Math.round(process.memoryUsage().heapUsed / 1e6)); }, 500);
const c0 = process.cpuUsage();
const s = await rt.runOnce({ document: doc, file: join(dir, 'flow.json') });
const cu = process.cpuUsage(c0);
clearInterval(timer);
(globalThis as any).gc?.();
console.log(s.delivered, 'cpu ms', (cu.user + cu.system) / 1000, 'heap after gc', Math.round(process.memoryUsage().heapUsed / 1e6));
await rt.close();
