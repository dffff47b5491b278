import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, WebhookIngress, WebhookOptions } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';
import { misbehavingServer } from './helpers/misbehaving-server.js';

let world: ReturnType<typeof tempWorld>;
let runtime: Runtime;
beforeEach(() => {
  world = tempWorld();
  runtime = testRuntime(world);
});
afterEach(async () => {
  await runtime.close();
  world.cleanup();
});

const flowFile = (id: string) => join(world.flowsDir, `${id}.json`);

describe('file source', () => {
  it('reads a JSON array and a CSV file', async () => {
    writeFileSync(join(world.flowsDir, 'items.json'), JSON.stringify([{ a: 1 }, { a: 2 }, { a: 3 }]));
    writeFileSync(join(world.flowsDir, 'items.csv'), 'id,name\n1,"Ann, A."\n2,Bo\n');
    const json = chainFlow('json-in', [{ id: 'read', type: 'file', config: { path: 'items.json', format: 'json' } }, { id: 'out', type: 'file-append', config: { path: 'json.ndjson' } }]);
    const csv = chainFlow('csv-in', [{ id: 'read', type: 'file', config: { path: 'items.csv', format: 'csv' } }, { id: 'out', type: 'file-append', config: { path: 'csv.ndjson' } }]);
    expect((await runtime.runOnce({ document: json, file: flowFile('json-in') })).delivered).toBe(3);
    expect((await runtime.runOnce({ document: csv, file: flowFile('csv-in') })).delivered).toBe(2);
    const lines = (f: string) => readFileSync(join(world.dataDir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines('json.ndjson')).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(lines('csv.ndjson')).toEqual([{ id: '1', name: 'Ann, A.' }, { id: '2', name: 'Bo' }]);
  });

  it('refuses paths that leave the flow folder or the data directory', async () => {
    // The catalog already rejects "..": a runtime given such a document anyway (an old file, a bug) refuses it too.
    const escape = chainFlow('escape', [{ id: 'read', type: 'file', config: { path: 'data.ndjson' } }, { id: 'out', type: 'file-append', config: { path: 'x.ndjson' } }]);
    const node = escape.nodes[1]!;
    (node.config as Record<string, unknown>).path = '../../etc/owned';
    await expect(runtime.runOnce({ document: escape, file: flowFile('escape') })).rejects.toThrow(/must not contain|must stay inside/);
  });

  it('runs a second time from the start once a run completed', async () => {
    writeFileSync(join(world.flowsDir, 'two.ndjson'), '{"a":1}\n{"a":2}\n');
    const flow = { document: chainFlow('again', [{ id: 'read', type: 'file', config: { path: 'two.ndjson' } }, { id: 'out', type: 'log' }]), file: flowFile('again') };
    expect((await runtime.runOnce(flow)).received).toBe(2);
    expect((await runtime.runOnce(flow)).received).toBe(2);
  });
});

describe('sqlite sink', () => {
  it('creates the table, upserts by message id, and replaces by key column', async () => {
    const document = chainFlow('rows', [
      { id: 'in', type: 'inline', config: { messages: [{ orderId: 'A', total: 1, tags: ['x'] }, { orderId: 'B', total: 2, paid: true }, { orderId: 'A', total: 3 }] } },
      { id: 'out', type: 'sqlite', config: { database: 'orders.db', table: 'orders', columns: ['orderId', 'total', 'tags', 'paid'], key: 'orderId', batchSize: 2 } },
    ]);
    const summary = await runtime.runOnce({ document, file: flowFile('rows') });
    expect(summary.delivered).toBe(3);
    const db = new Database(join(world.dataDir, 'orders.db'), { readonly: true });
    const rows = db.prepare('SELECT orderId, total, tags, paid FROM orders ORDER BY orderId').all();
    db.close();
    expect(rows).toEqual([{ orderId: 'A', total: 3, tags: null, paid: null }, { orderId: 'B', total: 2, tags: null, paid: 1 }]);
  });
});

describe('http-poll source', () => {
  it('follows next links, carries the cursor, and a second poll asks only for what is new', async () => {
    const server = await misbehavingServer((_n, req) => {
      const url = new URL(req.url, 'http://x');
      if (url.searchParams.get('page') === '2') return { status: 200, body: JSON.stringify({ items: [{ id: 3, updatedAt: '2026-01-03' }], next: null }) };
      if (url.searchParams.get('since') === '2026-01-03') return { status: 200, body: JSON.stringify({ items: [], next: null }) };
      return { status: 200, body: JSON.stringify({ items: [{ id: 1, updatedAt: '2026-01-01' }, { id: 2, updatedAt: '2026-01-02' }], next: '/api?page=2' }) };
    });
    try {
      const document = chainFlow('poll', [
        { id: 'poll', type: 'http-poll', config: { url: `${server.url}/api`, items: 'items', nextLink: 'next', cursor: { param: 'since', next: 'updatedAt', fromItem: true, initial: '2026-01-01' } } },
        { id: 'out', type: 'file-append', config: { path: 'polled.ndjson' } },
      ]);
      const first = await runtime.runOnce({ document, file: flowFile('poll') });
      expect(first.delivered).toBe(3);
      expect(server.requests.map((r) => r.url)).toEqual(['/api?since=2026-01-01', '/api?page=2']);
      const second = await runtime.runOnce({ document, file: flowFile('poll') });
      expect(second.received).toBe(0);
      expect(server.requests.at(-1)!.url).toBe('/api?since=2026-01-03');
    } finally {
      await server.close();
    }
  });
});

describe('secret references in a URL', () => {
  it('are resolved before polling and never shown in the error', async () => {
    await runtime.close();
    runtime = testRuntime(world, { secrets: { POLL_KEY: 'k-123-secret' } });
    const server = await misbehavingServer(() => ({ status: 401, body: 'bad key' }));
    try {
      const document = chainFlow('keyed', [
        { id: 'poll', type: 'http-poll', config: { url: `${server.url}/api?key={{secret.POLL_KEY}}` } },
        { id: 'out', type: 'log' },
      ]);
      const failed = await runtime.runOnce({ document, file: flowFile('keyed') }).then(() => undefined, (e: unknown) => e);
      expect(server.requests.map((r) => r.url)).toEqual(['/api?key=k-123-secret']);
      expect(String(failed)).toContain('answered 401');
      expect(String(failed)).not.toContain('k-123-secret');
    } finally {
      await server.close();
    }
  });
});

describe('a deployed poll that fails', () => {
  it('marks the flow failing with the error, and running again once a poll succeeds', async () => {
    let healthy = false;
    const server = await misbehavingServer(() => (healthy ? { status: 200, body: '[]' } : { status: 503, body: 'down' }));
    const document = chainFlow('polling', [
      { id: 'poll', type: 'http-poll', config: { url: `${server.url}/x`, intervalMs: 100 } },
      { id: 'out', type: 'log' },
    ]);
    const waitFor = async (state: string) => {
      const deadline = Date.now() + 3000;
      while (runtime.flowStatus('polling').state !== state && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return runtime.flowStatus('polling');
    };
    try {
      await runtime.deploy({ document, file: flowFile('polling') });
      const failing = await waitFor('failing');
      expect(failing.state).toBe('failing');
      expect(failing.lastError).toContain('503');
      healthy = true;
      expect((await waitFor('running')).state).toBe('running');
      await runtime.stop('polling');
    } finally {
      await server.close();
    }
  });
});

/** The server's side of webhooks, reduced to what a test needs. */
function fakeIngress() {
  const hooks = new Map<string, (body: unknown) => Promise<{ messageId: string }>>();
  const ingress: WebhookIngress = {
    register(flowId: string, nodeId: string, _options: WebhookOptions, accept) {
      hooks.set(`${flowId}/${nodeId}`, accept);
      return () => hooks.delete(`${flowId}/${nodeId}`);
    },
  };
  return { ingress, hooks };
}

describe('webhook source, deploy, stop and resume', () => {
  it('accepts only once stored; a message in flight at shutdown is delivered after resume', async () => {
    let healthy = false;
    const server = await misbehavingServer(() => (healthy ? { status: 200 } : 'hang'));
    const { ingress, hooks } = fakeIngress();
    await runtime.close();
    runtime = testRuntime(world, { webhooks: ingress });
    const document = chainFlow('hooked', [
      { id: 'hook', type: 'webhook' },
      { id: 'send', type: 'http', config: { url: server.url, timeoutMs: 60_000 } },
    ]);
    const flow = { document, file: flowFile('hooked') };
    try {
      await runtime.deploy(flow);
      expect(runtime.deployedFlowIds()).toEqual(['hooked']);
      const accept = hooks.get('hooked/hook')!;
      const { messageId } = await accept({ order: 7 });
      expect(messageId).toBeTruthy();
      await new Promise((r) => setTimeout(r, 100));
      expect(runtime.flowStatus('hooked')).toMatchObject({ state: 'running', deployed: true, inFlight: 1 });
      // Shut down while the sink hangs: the message stays in the inbox.
      await runtime.close();
      expect(hooks.size).toBe(0);
      healthy = true;
      runtime = testRuntime(world, { webhooks: ingress });
      await runtime.resume((id) => (id === 'hooked' ? flow : undefined));
      const deadline = Date.now() + 5000;
      while (server.requests.filter((r) => r.headers['idempotency-key'] === messageId).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const sent = server.requests.filter((r) => r.headers['idempotency-key'] === messageId);
      expect(sent).toHaveLength(2);
      expect(JSON.parse(sent[1]!.body)).toEqual({ order: 7 });
      await runtime.stop('hooked');
      expect(runtime.deployedFlowIds()).toEqual([]);
      expect(runtime.flowStatus('hooked').state).toBe('stopped');
    } finally {
      await server.close();
    }
  });
});

describe('backpressure', () => {
  it('processes at most `concurrency` at once and admits at most `intakeWindow`, so a slow sink slows intake', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await misbehavingServer(() => ({ status: 200 }));
    const slow = await import('node:http').then(({ createServer }) => createServer((req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight -= 1;
        res.end('{}');
      }, 20);
    }));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const port = (slow.address() as { port: number }).port;
    await runtime.close();
    runtime = testRuntime(world, { concurrency: 4, intakeWindow: 8 });
    let admittedPeak = 0;
    const sampler = setInterval(() => (admittedPeak = Math.max(admittedPeak, runtime.flowStatus('slow').inFlight)), 2);
    try {
      const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i }));
      writeFileSync(join(world.flowsDir, 'many.ndjson'), lines.join('\n'));
      const document = chainFlow('slow', [{ id: 'read', type: 'file', config: { path: 'many.ndjson' } }, { id: 'send', type: 'http', config: { url: `http://127.0.0.1:${port}/` } }]);
      const started = Date.now();
      const summary = await runtime.runOnce({ document, file: flowFile('slow') });
      expect(summary.delivered).toBe(40);
      expect(peak).toBeLessThanOrEqual(4);
      expect(peak).toBeGreaterThanOrEqual(2);
      expect(admittedPeak).toBeLessThanOrEqual(8);
      expect(admittedPeak).toBeGreaterThanOrEqual(5);
      // 40 messages, 4 at a time, 20 ms each: at least ~200 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    } finally {
      clearInterval(sampler);
      await server.close();
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });
});

describe('local flows', () => {
  it('frees a message\'s processing slot while it waits for the sqlite sink\'s commit, so one commit carries many rows', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, total: i * 2 }));
    writeFileSync(join(world.flowsDir, 'rows.ndjson'), lines.join('\n'));
    await runtime.close();
    runtime = testRuntime(world, { concurrency: 1 });
    // Counts the sink database's transactions (one per batch written).
    const original = Database.prototype.transaction;
    let sinkCommits = 0;
    Database.prototype.transaction = function (this: Database.Database, fn: Parameters<typeof original>[0]) {
      const run = original.call(this, fn);
      if (!this.name.endsWith('local.db')) return run;
      return Object.assign((...args: unknown[]) => {
        sinkCommits += 1;
        return run(...(args as []));
      }, run);
    } as typeof original;
    try {
      const document = chainFlow('local', [
        { id: 'read', type: 'file', config: { path: 'rows.ndjson' } },
        { id: 'map', type: 'jsonata', config: { expression: '{ "n": i, "total": total }' } },
        { id: 'out', type: 'sqlite', config: { database: 'local.db', table: 'rows', columns: ['n', 'total'], batchSize: 500 } },
      ]);
      const summary = await runtime.runOnce({ document, file: flowFile('local') });
      expect(summary).toMatchObject({ received: 300, delivered: 300, deadLettered: 0 });
      // Holding its one slot until the commit, each message would have been a commit of its own.
      expect(sinkCommits).toBeGreaterThan(0);
      expect(sinkCommits).toBeLessThan(30);
    } finally {
      Database.prototype.transaction = original;
    }
    const db = new Database(join(world.dataDir, 'local.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n, SUM(total) AS sum FROM rows').get()).toEqual({ n: 300, sum: 89_700 });
    db.close();
  });
});
