import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startSink, startTestServer, tempDirs, TEST_TOKEN, waitFor, webhookToHttpFlow, type Sink, type TestDirs } from './helpers.js';

let dirs: TestDirs;
let server: RunningServer;
let sink: Sink;

function inlineToFileFlow(id: string, messages: unknown[]): Record<string, unknown> {
  return {
    formatVersion: 2, id, name: `Inline ${id}`,
    nodes: [
      { id: 'src', type: 'inline', config: { messages } },
      { id: 'map', type: 'jsonata', config: { expression: '{ "n": n * 10 }' } },
      { id: 'out', type: 'file-append', config: { path: `out/${id}.ndjson` } },
    ],
    edges: [{ from: 'src', to: 'map' }, { from: 'map', to: 'out' }],
  };
}

beforeAll(async () => {
  dirs = tempDirs();
  sink = await startSink((body) => ((body as { bad?: boolean }).bad ? 422 : 200));
  server = await startTestServer(dirs);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('run control', () => {
  it('runs a finite flow once, writes inside the data folder, and records the run with its messages', async () => {
    await api(server, 'POST', '/api/flows', { body: inlineToFileFlow('once', [{ n: 1 }, { n: 2 }, { n: 3 }]) });
    const run = await api<{ runId: string; received: number; delivered: number; deadLettered: number }>(server, 'POST', '/api/flows/once/run', { body: {} });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ received: 3, delivered: 3, deadLettered: 0 });
    const lines = readFileSync(join(dirs.dataDir, 'out', 'once.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([{ n: 10 }, { n: 20 }, { n: 30 }]);

    const runs = await api<{ items: { runId: string; trigger: string }[] }>(server, 'GET', '/api/runs?flowId=once');
    expect(runs.body.items.map((r) => r.runId)).toContain(run.body.runId);
    const one = await api<{ runId: string; delivered: number }>(server, 'GET', `/api/runs/${run.body.runId}`);
    expect(one.body).toMatchObject({ runId: run.body.runId, delivered: 3 });
    const messages = await api<{ items: { status: string; steps: { nodeId: string; output?: unknown }[] }[]; total: number }>(server, 'GET', `/api/messages?runId=${run.body.runId}&limit=2`);
    expect(messages.body.total).toBe(3);
    expect(messages.body.items).toHaveLength(2);
    expect(messages.body.items[0]?.steps.map((s) => s.nodeId)).toEqual(expect.arrayContaining(['map', 'out']));
  });

  it('answers 409 to running once a flow that is deployed here, and runs it once after it stops', async () => {
    const busy = { formatVersion: 2, id: 'busy', name: 'Busy', nodes: [{ id: 'in', type: 'webhook' }, { id: 'out', type: 'log' }], edges: [{ from: 'in', to: 'out' }] };
    expect((await api(server, 'POST', '/api/flows', { body: busy })).status).toBe(201);
    expect((await api(server, 'POST', '/api/flows/busy/deploy')).status).toBe(200);
    const clash = await api<{ error: { kind: string; message: string } }>(server, 'POST', '/api/flows/busy/run', { body: { input: [{ n: 1 }] } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('stop it before running it once') });
    expect((await api(server, 'POST', '/api/flows/busy/stop')).status).toBe(200);
    const after = await api<{ received: number }>(server, 'POST', '/api/flows/busy/run', { body: { input: [{ n: 1 }] } });
    expect(after.status).toBe(200);
    expect(after.body.received).toBe(1);
  });

  it('runs with given input instead of the sources, and refuses a flow that never ends without input', async () => {
    const run = await api<{ received: number; delivered: number }>(server, 'POST', '/api/flows/once/run', { body: { input: [{ n: 7 }] } });
    expect(run.body).toMatchObject({ received: 1, delivered: 1 });
    await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('endless', sink.url) });
    const refused = await api<{ error: { kind: string } }>(server, 'POST', '/api/flows/endless/run', { body: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.kind).toBe('flow');
  });

  it('test-runs an unsaved document: per-node outputs, nothing delivered', async () => {
    const unsaved = { ...webhookToHttpFlow('endless', sink.url), nodes: [
      { id: 'in', type: 'webhook' },
      { id: 'shape', type: 'jsonata', config: { expression: '{ "total": price * qty }' } },
      { id: 'out', type: 'http', config: { url: sink.url } },
    ], edges: [{ from: 'in', to: 'shape' }, { from: 'shape', to: 'out' }] };
    const result = await api<{ traces: { steps: { nodeId: string; output?: unknown }[] }[] }>(server, 'POST', '/api/flows/endless/test', {
      body: { document: unsaved, samples: { in: [{ price: 2, qty: 3 }] } },
    });
    expect(result.status).toBe(200);
    expect(result.body.traces).toHaveLength(1);
    expect(result.body.traces[0]?.steps.find((s) => s.nodeId === 'shape')?.output).toEqual({ total: 6 });
    expect(sink.received).toHaveLength(0);
  });

  it('reports status and streams message and dead-letter events over SSE', async () => {
    expect((await api(server, 'POST', '/api/flows/endless/deploy')).status).toBe(200);
    const status = await api<{ flowId: string; state: string; deployed: boolean }>(server, 'GET', '/api/flows/endless/status');
    expect(status.body).toMatchObject({ flowId: 'endless', state: 'running', deployed: true });

    const controller = new AbortController();
    const events = await fetch(`${server.url}/api/events?token=${TEST_TOKEN}`, { signal: controller.signal });
    const reader = events.body!.getReader();
    let seen = '';
    try {
      await api(server, 'POST', '/hooks/endless/in', { body: { ok: 1 }, token: null });
      await api(server, 'POST', '/hooks/endless/in', { body: { bad: true }, token: null });
      await waitFor('message, dead-letter, stats events and a heartbeat', async () => {
        const { value } = await reader.read();
        seen += new TextDecoder().decode(value);
        return /event: message\ndata: \{[^\n]*"flowId":"endless"[^\n]*"status":"delivered"/.test(seen)
          && /event: dead-letter\ndata: \{[^\n]*"flowId":"endless"/.test(seen)
          && /event: stats\ndata: \{"flowId":"endless"/.test(seen)
          && seen.includes(': heartbeat');
      });
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
    expect((await api(server, 'POST', '/api/flows/endless/stop')).status).toBe(200);
  });

  it('refuses to run a file sink whose path leaves the data folder', async () => {
    const escaping = inlineToFileFlow('escape', [{ n: 1 }]);
    (escaping.nodes as { config: Record<string, unknown> }[])[2]!.config.path = '../../outside.ndjson';
    const saved = await api<{ problems: { at: string }[] }>(server, 'POST', '/api/flows', { body: escaping });
    expect(saved.body.problems.map((p) => p.at)).toContain('$.nodes[2].config.path');
    const run = await api<{ error: { kind: string; problems: { at: string }[] } }>(server, 'POST', '/api/flows/escape/run', { body: {} });
    expect(run.status).toBe(400);
    expect(run.body.error.problems.map((p) => p.at)).toContain('$.nodes[2].config.path');
    expect((await api(server, 'POST', '/api/flows/escape/deploy')).status).toBe(400);
  });
});

