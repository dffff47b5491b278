import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, rawRequest, startSink, startTestServer, tempDirs, waitFor, webhookToHttpFlow, type Sink, type TestDirs } from './helpers.js';

let dirs: TestDirs;
let server: RunningServer;
let sink: Sink;

beforeAll(async () => {
  dirs = tempDirs();
  sink = await startSink();
  server = await startTestServer(dirs);
  await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('hooked', sink.url, { maxBodyBytes: 1024 }) });
  const deployed = await api<{ status: { state: string; deployed: boolean } }>(server, 'POST', '/api/flows/hooked/deploy');
  expect(deployed.status).toBe(200);
  expect(deployed.body.status).toMatchObject({ state: 'running', deployed: true });
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('webhook ingress', () => {
  it('answers 202 with the message id and delivers the body to the sink', async () => {
    const answer = await api<{ messageId: string }>(server, 'POST', '/hooks/hooked/in', { body: { order: 1, note: 'first' }, token: null });
    expect(answer.status).toBe(202);
    expect(answer.body.messageId).toEqual(expect.any(String));
    const delivered = await waitFor('the sink to receive the message', () => sink.received.find((r) => (r.body as { order?: number }).order === 1));
    expect(delivered.body).toEqual({ order: 1, note: 'first' });
    const trace = await waitFor('the message trace', async () => {
      const t = await api<{ status: string; steps: unknown[] }>(server, 'GET', `/api/messages/${answer.body.messageId}`);
      return t.status === 200 && t.body.status === 'delivered' ? t.body : undefined;
    });
    expect(trace.steps.length).toBeGreaterThan(0);
  });

  it('answers 413 above the node limit and stores nothing', async () => {
    const before = sink.received.length;
    const big = JSON.stringify({ blob: 'x'.repeat(5000) });
    const answer = await rawRequest(server.url, 'POST', '/hooks/hooked/in', { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) }, big);
    expect(answer.status).toBe(413);
    const chunked = await fetch(`${server.url}/hooks/hooked/in`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, duplex: 'half',
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }),
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received.length).toBe(before);
  });

  it('answers 415 for a content type the node does not accept and 400 for bad JSON', async () => {
    const text = await rawRequest(server.url, 'POST', '/hooks/hooked/in', { 'Content-Type': 'text/plain' }, 'hello');
    expect(text.status).toBe(415);
    const bad = await rawRequest(server.url, 'POST', '/hooks/hooked/in', { 'Content-Type': 'application/json' }, '{"a":');
    expect(bad.status).toBe(400);
  });

  it('answers 404 for unknown flows and nodes, and once the flow is stopped', async () => {
    expect((await api(server, 'POST', '/hooks/nope/in', { body: {}, token: null })).status).toBe(404);
    expect((await api(server, 'POST', '/hooks/hooked/other', { body: {}, token: null })).status).toBe(404);
    const stopped = await api<{ status: { state: string } }>(server, 'POST', '/api/flows/hooked/stop');
    expect(stopped.body.status.state).toBe('stopped');
    expect((await api(server, 'POST', '/hooks/hooked/in', { body: {}, token: null })).status).toBe(404);
    const redeployed = await api(server, 'POST', '/api/flows/hooked/deploy');
    expect(redeployed.status).toBe(200);
    expect((await api(server, 'POST', '/hooks/hooked/in', { body: { again: true }, token: null })).status).toBe(202);
  });

  it('refuses to delete or rename a deployed flow', async () => {
    expect((await api(server, 'DELETE', '/api/flows/hooked')).status).toBe(409);
    expect((await api(server, 'POST', '/api/flows/hooked/rename', { body: { newId: 'other' } })).status).toBe(409);
  });

  it('tells when a deployed flow\'s file changed since its deploy, until it is redeployed', async () => {
    type Summary = { id: string; deployed: boolean; changedSinceDeploy: boolean; deployedEtag: string | null; etag: string };
    const summary = async () => (await api<Summary[]>(server, 'GET', '/api/flows')).body.find((f) => f.id === 'hooked')!;
    const before = await summary();
    expect(before).toMatchObject({ deployed: true, changedSinceDeploy: false, deployedEtag: before.etag });
    const current = await api<{ document: Record<string, unknown>; etag: string }>(server, 'GET', '/api/flows/hooked');
    await api(server, 'PUT', '/api/flows/hooked', { body: { ...current.body.document, name: 'Hooked v2' }, headers: { 'If-Match': current.body.etag } });
    expect(await summary()).toMatchObject({ changedSinceDeploy: true, deployedEtag: before.etag });
    await api(server, 'POST', '/api/flows/hooked/deploy');
    expect(await summary()).toMatchObject({ changedSinceDeploy: false });
  });
});

