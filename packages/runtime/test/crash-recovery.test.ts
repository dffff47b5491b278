import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';
import { misbehavingServer } from './helpers/misbehaving-server.js';

const SEAM = resolve(import.meta.dirname, '../../../apps/cli/bin/seam.js');
const MESSAGES = 2000;
const INVALID_EVERY = 50;

let world: ReturnType<typeof tempWorld>;
let server: Awaited<ReturnType<typeof misbehavingServer>>;
const delivered = new Set<number>();

beforeAll(async () => {
  world = tempWorld();
  // Slow enough (a few ms per request) that a run takes a while and the kills land mid-flight.
  server = await misbehavingServer((_n, req) => {
    delivered.add((JSON.parse(req.body) as { n: number }).n);
    return { status: 200 };
  });
});
afterAll(async () => {
  await server.close();
  world.cleanup();
});

function seamRun(flowFile: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> } {
  const child = spawn(process.execPath, [SEAM, 'run', flowFile, '--db', world.dbPath, '--data', world.dataDir, '--concurrency', '32'], {
    env: { ...process.env, SEAM_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal, stdout })));
  return { child, done };
}

describe('crash recovery', () => {
  it('loses no message when `seam run` is SIGKILLed at random moments and restarted', async () => {
    const lines = Array.from({ length: MESSAGES }, (_, n) => JSON.stringify(n % INVALID_EVERY === 7 ? { n, amount: 'not a number' } : { n, amount: n * 1.5 }));
    writeFileSync(join(world.flowsDir, 'numbers.ndjson'), `${lines.join('\n')}\n`);
    const document = chainFlow('crashy', [
      { id: 'read', type: 'file', config: { path: 'numbers.ndjson' } },
      { id: 'map', type: 'jsonata', config: { expression: '{ "n": n, "amount": amount, "double": $type(amount) = "number" ? amount * 2 : amount }' } },
      { id: 'check', type: 'json-schema', config: { schema: { type: 'object', required: ['n', 'amount'], properties: { amount: { type: 'number' } } } } },
      { id: 'retry', type: 'retry', config: { attempts: 3, initialDelayMs: 5 } },
      { id: 'send', type: 'http', config: { url: `${server.url}/numbers` } },
    ]);
    const flowFile = join(world.flowsDir, 'crashy.json');
    writeFileSync(flowFile, JSON.stringify(document));

    let kills = 0;
    let progressAtKills: number[] = [];
    for (let round = 0; round < 4; round++) {
      const { child, done } = seamRun(flowFile);
      // Kill once some messages have arrived (so it is mid-run), after a random extra delay.
      const before = delivered.size;
      const deadline = Date.now() + 8000;
      while (delivered.size < Math.min(MESSAGES - 100, before + 50) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 80));
      if (child.exitCode === null && child.kill('SIGKILL')) kills += 1;
      const result = await done;
      progressAtKills = [...progressAtKills, delivered.size];
      if (result.code === 0) break;
    }
    // The kills landed mid-run: some but not all messages had been delivered.
    expect(progressAtKills[0]).toBeGreaterThan(0);
    expect(progressAtKills[0]).toBeLessThan(MESSAGES - 100);
    expect(kills).toBeGreaterThanOrEqual(2);

    const { done } = seamRun(flowFile);
    const final = await done;
    expect(final.code).toBe(0);
    const summary = JSON.parse(final.stdout.trim().split("\n").pop()!) as { received: number; delivered: number; deadLettered: number };
    expect(summary.received).toBe(MESSAGES);
    expect(summary.delivered + summary.deadLettered).toBeGreaterThanOrEqual(MESSAGES);

    const runtime = testRuntime(world);
    try {
      const deadLettered = new Set(
        runtime.deadLetters.list({ flowId: 'crashy' }, { limit: 1000 }).items.map((d) => (d.originalInput as { n: number }).n),
      );
      const invalid = Array.from({ length: MESSAGES }, (_, n) => n).filter((n) => n % INVALID_EVERY === 7);
      expect([...deadLettered].sort((a, b) => a - b)).toEqual(invalid);
      expect(runtime.deadLetters.depth('crashy')).toBe(invalid.length);
      const missing = Array.from({ length: MESSAGES }, (_, n) => n).filter((n) => !delivered.has(n) && !deadLettered.has(n));
      expect(missing).toEqual([]);
      expect(delivered.size).toBe(MESSAGES - invalid.length);
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('loses no row when a flow of local steps (its messages free their slot while the sqlite sink commits) is SIGKILLed and restarted', async () => {
    const count = 30_000;
    const lines = Array.from({ length: count }, (_, n) => JSON.stringify(n % INVALID_EVERY === 7 ? { n, amount: 'not a number' } : { n, amount: n * 1.5 }));
    writeFileSync(join(world.flowsDir, 'rows.ndjson'), `${lines.join('\n')}\n`);
    const document = chainFlow('crashy-local', [
      { id: 'read', type: 'file', config: { path: 'rows.ndjson' } },
      { id: 'map', type: 'jsonata', config: { expression: '{ "n": n, "amount": amount }' } },
      { id: 'check', type: 'json-schema', config: { schema: { type: 'object', required: ['n', 'amount'], properties: { amount: { type: 'number' } } } } },
      { id: 'store', type: 'sqlite', config: { database: 'rows.db', table: 'rows', columns: ['n', 'amount'], batchSize: 500 } },
    ]);
    const flowFile = join(world.flowsDir, 'crashy-local.json');
    writeFileSync(flowFile, JSON.stringify(document));
    const sinkFile = join(world.dataDir, 'rows.db');
    const stored = () => {
      if (!existsSync(sinkFile)) return 0;
      const db = new Database(sinkFile, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'rows'").get() as { n: number }).n
          ? (db.prepare('SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n
          : 0;
      } finally {
        db.close();
      }
    };

    let kills = 0;
    const progressAtKills: number[] = [];
    for (let round = 0; round < 4; round++) {
      const { child, done } = seamRun(flowFile);
      const before = stored();
      const deadline = Date.now() + 8000;
      while (stored() < Math.min(count - 2000, before + 1000) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      if (child.exitCode === null && child.kill('SIGKILL')) kills += 1;
      const result = await done;
      progressAtKills.push(stored());
      if (result.code === 0) break;
    }
    expect(kills).toBeGreaterThanOrEqual(2);
    expect(progressAtKills[0]).toBeGreaterThan(0);
    expect(progressAtKills[0]).toBeLessThan(count);

    const final = await seamRun(flowFile).done;
    expect(final.code).toBe(0);
    const runtime = testRuntime(world);
    const sink = new Database(sinkFile, { readonly: true });
    try {
      const invalid = Array.from({ length: count }, (_, n) => n).filter((n) => n % INVALID_EVERY === 7);
      const deadLettered = new Set(
        runtime.deadLetters.list({ flowId: 'crashy-local' }, { limit: 5000 }).items.map((d) => (d.originalInput as { n: number }).n),
      );
      expect([...deadLettered].sort((a, b) => a - b)).toEqual(invalid);
      const rows = new Set((sink.prepare('SELECT n FROM rows').all() as { n: number }[]).map((r) => r.n));
      const missing = Array.from({ length: count }, (_, n) => n).filter((n) => !rows.has(n) && !deadLettered.has(n));
      expect(missing).toEqual([]);
      // Upserted by message id: a message redelivered after a kill replaced its row instead of adding one.
      expect((sink.prepare('SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n).toBe(count - invalid.length);
    } finally {
      sink.close();
      await runtime.close();
    }
  }, 90_000);
});
