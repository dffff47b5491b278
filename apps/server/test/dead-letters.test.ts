import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startSink, startTestServer, tempDirs, waitFor, webhookToHttpFlow, type Sink, type TestDirs } from './helpers.js';

interface DeadLetter {
  readonly id: string;
  readonly flowId: string;
  readonly nodeId: string;
  readonly payload: unknown;
  readonly status: string;
  readonly errorClass: string;
  readonly audit: { action: string; actor: string }[];
}

let dirs: TestDirs;
let server: RunningServer;
let sink: Sink;

beforeAll(async () => {
  dirs = tempDirs();
  // The billing stand-in refuses invoices without a customer: a 422 is not retryable, so it dead-letters at once.
  sink = await startSink((body) => ((body as { customer?: string }).customer ? 201 : 422));
  server = await startTestServer(dirs);
  await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('billing', sink.url) });
  expect((await api(server, 'POST', '/api/flows/billing/deploy')).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('dead letters', () => {
  it('dead-letters a message the sink refuses; after an edit, a replay delivers it', async () => {
    const sent = await api<{ messageId: string }>(server, 'POST', '/hooks/billing/in', { body: { invoice: 'INV-1' }, token: null });
    expect(sent.status).toBe(202);

    const entry = await waitFor('the dead letter', async () => {
      const page = await api<{ items: DeadLetter[]; total: number }>(server, 'GET', '/api/dead-letters?flowId=billing&status=pending');
      return page.body.items[0];
    });
    expect(entry).toMatchObject({ flowId: 'billing', nodeId: 'out', status: 'pending', payload: { invoice: 'INV-1' } });
    expect(sink.received).toHaveLength(0);
    const list = await api<{ id: string; dlqDepth: number }[]>(server, 'GET', '/api/flows');
    expect(list.body.find((f) => f.id === 'billing')?.dlqDepth).toBe(1);

    const edited = await api<DeadLetter>(server, 'PUT', `/api/dead-letters/${entry.id}/payload`, { body: { payload: { invoice: 'INV-1', customer: 'CUS-7' } }, headers: { 'X-Seam-Actor': 'ada' } });
    expect(edited.status).toBe(200);
    expect(edited.body.payload).toEqual({ invoice: 'INV-1', customer: 'CUS-7' });
    expect(edited.body.audit.map((a) => a.action)).toContain('edited');
    expect(edited.body.audit.find((a) => a.action === 'edited')?.actor).toBe('ada');

    const replayed = await api<{ id: string; result: string }>(server, 'POST', `/api/dead-letters/${entry.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ id: entry.id, result: 'delivered' });
    expect(sink.received.map((r) => r.body)).toContainEqual({ invoice: 'INV-1', customer: 'CUS-7' });

    const after = await api<DeadLetter>(server, 'GET', `/api/dead-letters/${entry.id}`);
    expect(after.body.status).toBe('replayed');
    expect(after.body.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['dead-lettered', 'edited', 'replayed']));
  });

  it('bulk-replays by filter and reports each outcome; discards with a note', async () => {
    for (const n of [2, 3]) {
      expect((await api(server, 'POST', '/hooks/billing/in', { body: { invoice: `INV-${n}` }, token: null })).status).toBe(202);
    }
    const pending = await waitFor('two dead letters', async () => {
      const page = await api<{ items: DeadLetter[] }>(server, 'GET', '/api/dead-letters?flowId=billing&status=pending');
      return page.body.items.length === 2 ? page.body.items : undefined;
    });
    // Still refused: the sink wants a customer. The bulk replay says so for each entry.
    const bulk = await api<{ outcomes: { id: string; result: string }[] }>(server, 'POST', '/api/dead-letters/replay', { body: { filter: { flowId: 'billing', status: 'pending' } } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.outcomes.map((o) => o.result).sort()).toEqual(['dead-lettered-again', 'dead-lettered-again']);

    const discarded = await api<DeadLetter>(server, 'POST', `/api/dead-letters/${pending[0]!.id}/discard`, { body: { note: 'duplicate order' } });
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    // A second hand (another tab, a colleague) acting on the same one is told it is already done: 409, not 400.
    const again = await api<{ error: { kind: string; message: string } }>(server, 'POST', `/api/dead-letters/${pending[0]!.id}/discard`, { body: {} });
    const edit = await api<{ error: { kind: string; message: string } }>(server, 'PUT', `/api/dead-letters/${pending[0]!.id}/payload`, { body: { payload: {} } });
    for (const answer of [again, edit]) {
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('is already discarded') });
    }
    // Replay answers an outcome per dead letter (as in bulk): skipped, and why.
    const replay = await api<{ result: string; message: string }>(server, 'POST', `/api/dead-letters/${pending[0]!.id}/replay`, { body: {} });
    expect(replay.body).toMatchObject({ result: 'skipped', message: 'already discarded' });
    expect((await api(server, 'GET', '/api/dead-letters/does-not-exist')).status).toBe(404);
  });
});
