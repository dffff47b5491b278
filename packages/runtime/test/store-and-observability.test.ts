import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, RuntimeEvent } from '../src/index.js';
import { migrations } from '../src/store/migrations.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';

let world: ReturnType<typeof tempWorld>;
beforeEach(() => {
  world = tempWorld();
});
afterEach(() => world.cleanup());

describe('SQLite store', () => {
  it('opens in WAL mode with synchronous=NORMAL, migrated to the latest schema version, and reopens idempotently', () => {
    const store = openSqliteStore(world.dbPath);
    expect(store.schemaVersion).toBe(migrations.length);
    store.close();
    const again = openSqliteStore(world.dbPath);
    expect(again.schemaVersion).toBe(migrations.length);
    again.close();
    const db = new Database(world.dbPath);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a database from a newer Seam', () => {
    openSqliteStore(world.dbPath).close();
    const db = new Database(world.dbPath);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openSqliteStore(world.dbPath)).toThrow(/newer than this Seam/);
  });

  it('keeps the per-flow dead-letter depth in a counter through insert, re-failure, replay and discard', () => {
    const store = openSqliteStore(world.dbPath);
    const dl = (id: string, flowId = 'f') => ({
      id, messageId: `m-${id}`, flowId, flowVersion: 'v', nodeId: 'n', originalInput: { a: 1 }, payload: { a: 1 }, errorClass: 'delivery' as const,
      message: 'boom', details: {}, attempts: 3, failedAt: new Date().toISOString(), actor: 'runtime',
    });
    store.transaction(() => {
      store.deadLetters.put(dl('1'), 'dead-lettered');
      store.deadLetters.put(dl('2'), 'dead-lettered');
      store.deadLetters.put(dl('1'), 'dead-lettered');
      store.deadLetters.put(dl('3', 'g'), 'dead-lettered');
    });
    expect(store.deadLetters.depth('f')).toBe(2);
    expect(store.deadLetters.depth()).toBe(3);
    store.transaction(() => store.deadLetters.setStatus('1', 'replayed', { at: 'now', action: 'replayed', actor: 'me' }));
    expect(store.deadLetters.depth('f')).toBe(1);
    store.transaction(() => store.deadLetters.put(dl('1'), 'replay-failed'));
    expect(store.deadLetters.depth('f')).toBe(2);
    expect(store.deadLetters.get('1')!.attempts).toBe(9);
    expect(store.deadLetters.get('1')!.audit.map((a) => a.action)).toEqual(['dead-lettered', 'dead-lettered', 'replayed', 'replay-failed']);
    const page1 = store.deadLetters.list({ flowId: 'f' }, 1);
    expect(page1.total).toBe(2);
    expect(page1.next).toBeDefined();
    const page2 = store.deadLetters.list({ flowId: 'f' }, 1, page1.next);
    expect(page2.items).toHaveLength(1);
    expect(page2.next).toBeUndefined();
    expect(page2.items[0]!.id).not.toBe(page1.items[0]!.id);
    store.close();
  });
});

describe('run history, metrics and events', () => {
  let runtime: Runtime;
  afterEach(async () => runtime?.close());

  it('records runs and message traces with capped payloads, prunes by count, and reports metrics and events', async () => {
    runtime = testRuntime(world, { runHistory: { maxMessages: 3, maxPayloadBytes: 60 } });
    const events: RuntimeEvent[] = [];
    runtime.subscribe((e) => events.push(e));
    const document = chainFlow('observed', [
      { id: 'in', type: 'inline', config: { messages: [{ n: 1 }, { n: 2, big: 'x'.repeat(100) }, { n: 3 }, { n: 'bad' }, { n: 5 }] } },
      { id: 'check', type: 'json-schema', config: { schema: { type: 'object', properties: { n: { type: 'number' } } } } },
      { id: 'out', type: 'log' },
    ]);
    const summary = await runtime.runOnce({ document, file: join(world.flowsDir, 'observed.json') });
    expect(summary).toMatchObject({ received: 5, delivered: 4, deadLettered: 1 });
    expect(runtime.runs.getRun(summary.runId)).toMatchObject({ trigger: 'run-once', status: 'completed', received: 5, delivered: 4, deadLettered: 1 });
    const traces = runtime.runs.listMessages({ runId: summary.runId }, { limit: 10 });
    expect(traces.total).toBe(5);
    const big = traces.items.find((t) => t.messageId.endsWith(':1'))!;
    expect(big.steps[0]!.input).toEqual({ $truncated: expect.any(Number) as number });
    const failed = traces.items.find((t) => t.status === 'dead-lettered')!;
    expect(failed.steps[0]).toMatchObject({ nodeId: 'check', status: 'failed', input: { n: 'bad' }, error: { errorClass: 'validation' } });
    expect(runtime.runs.getMessage(failed.messageId)?.status).toBe('dead-lettered');

    const snapshot = runtime.metrics.snapshot();
    expect(snapshot.flows.observed).toMatchObject({ received: 5, delivered: 4, deadLettered: 1, dlqDepth: 1 });
    expect(snapshot.nodes.observed!.check).toMatchObject({ received: 5, delivered: 4, failed: 1, deadLettered: 1 });
    expect(snapshot.nodes.observed!.check!.latencyMs.count).toBe(5);
    const series = runtime.metrics.series('observed', { windowMs: 10 * 60_000, bucketMs: 60_000 });
    expect(series.length).toBeGreaterThanOrEqual(10);
    const total = series.reduce((a, b) => a + b.received, 0);
    expect(total).toBe(5);
    expect(series.at(-1)!.dlqDepth + series.at(-2)!.dlqDepth).toBeGreaterThanOrEqual(1);

    expect(events.filter((e) => e.type === 'message')).toHaveLength(5);
    expect(events.some((e) => e.type === 'run' && e.status === 'completed')).toBe(true);
    expect(events.some((e) => e.type === 'dead-letter' && e.action === 'dead-lettered')).toBe(true);

    // Housekeeping prunes to the newest 3 traces.
    await new Promise((r) => setTimeout(r, 300));
    expect(runtime.runs.listMessages({}).total).toBeLessThanOrEqual(3);
  });

  it('test run evaluates samples through every node without calling sinks or storing anything', async () => {
    runtime = testRuntime(world);
    const document = chainFlow('preview', [
      { id: 'hook', type: 'webhook' },
      { id: 'map', type: 'jsonata', config: { expression: 'price * qty' } },
      { id: 'send', type: 'http', config: { url: 'http://127.0.0.1:9/never' } },
    ]);
    const result = await runtime.testRun({ document, file: join(world.flowsDir, 'preview.json') }, { hook: [{ price: 2, qty: 3 }, { qty: 1 }] });
    expect(result.traces).toHaveLength(2);
    expect(result.traces[0]).toMatchObject({ status: 'delivered' });
    expect(result.traces[0]!.steps.map((s) => [s.nodeId, s.output])).toEqual([['map', 6], ['send', undefined]]);
    expect(result.traces[1]).toMatchObject({ status: 'dead-lettered', steps: [{ nodeId: 'map', status: 'failed', error: { errorClass: 'transform' } }] });
    expect(runtime.deadLetters.depth()).toBe(0);
    expect(runtime.runs.listRuns({}).total).toBe(0);
  });
});
