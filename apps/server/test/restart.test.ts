import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startSink, startTestServer, tempDirs, waitFor, webhookToHttpFlow, type Sink, type TestDirs } from './helpers.js';

let dirs: TestDirs;
let sink: Sink;
let server: RunningServer | undefined;

beforeAll(async () => {
  dirs = tempDirs();
  sink = await startSink();
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('restart', () => {
  it('resumes a deployed flow after the server restarts on the same folders', async () => {
    server = await startTestServer(dirs);
    await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('durable', sink.url) });
    await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('idle', sink.url) });
    expect((await api(server, 'POST', '/api/flows/durable/deploy')).status).toBe(200);
    expect((await api(server, 'POST', '/hooks/durable/in', { body: { before: true }, token: null })).status).toBe(202);
    await waitFor('the first delivery', () => sink.received.length === 1);
    await server.close();
    server = undefined;

    server = await startTestServer(dirs);
    const list = await api<{ id: string; deployed: boolean; state: string; etag: string; deployedEtag: string | null }[]>(server, 'GET', '/api/flows');
    const durable = list.body.find((f) => f.id === 'durable');
    expect(durable).toMatchObject({ deployed: true, state: 'running', changedSinceDeploy: false });
    expect(durable?.deployedEtag).toBe(durable?.etag);
    expect(list.body.find((f) => f.id === 'idle')).toMatchObject({ deployed: false });
    expect((await api(server, 'POST', '/hooks/durable/in', { body: { after: true }, token: null })).status).toBe(202);
    expect((await api(server, 'POST', '/hooks/idle/in', { body: {}, token: null })).status).toBe(404);
    await waitFor('the delivery after restart', () => sink.received.some((r) => (r.body as { after?: boolean }).after === true));
  });

  it('loses nothing accepted before a shutdown: in-flight messages are delivered, then or after the restart', async () => {
    await server?.close();
    // A slow system: each delivery takes 300 ms, so the shutdown comes while messages are in flight or queued.
    const slow = await startSink(() => new Promise((r) => setTimeout(() => r(200), 300)));
    try {
      server = await startTestServer(dirs);
      await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('inflight', slow.url) });
      expect((await api(server, 'POST', '/api/flows/inflight/deploy')).status).toBe(200);
      for (let n = 1; n <= 5; n++) {
        expect((await api(server, 'POST', '/hooks/inflight/in', { body: { n }, token: null })).status).toBe(202);
      }
      await server.close();
      server = await startTestServer(dirs);
      await waitFor('all five accepted messages at the sink', () => new Set(slow.received.map((r) => (r.body as { n: number }).n)).size === 5, 15_000);
    } finally {
      await slow.close();
    }
  });
});
