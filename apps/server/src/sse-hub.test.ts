import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { SseHub } from './sse-hub.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function serve(hub: SseHub): Promise<string> {
  const app = express();
  app.get('/events', hub.handler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  closers.push(() => { hub.close(); server.closeAllConnections(); server.close(); });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

describe('SseHub', () => {
  it('keeps a client while it is connected and forgets it once it disconnects', async () => {
    const hub = new SseHub({ heartbeatMs: 50 });
    const url = await serve(hub);
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    await until(() => hub.clientCount === 1);
    hub.publish('flow-changed', { id: 'a', etag: null });
    let text = '';
    while (!text.includes('event: flow-changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: {"id":"a","etag":null}');
    // Still there after a few heartbeats: the stream is not mistaken for a finished request.
    await new Promise((r) => setTimeout(r, 200));
    expect(hub.clientCount).toBe(1);
    controller.abort();
    await until(() => hub.clientCount === 0);
  });

  it('refuses clients beyond its limit', async () => {
    const hub = new SseHub({ maxClients: 1 });
    const url = await serve(hub);
    const first = new AbortController();
    await fetch(url, { signal: first.signal });
    await until(() => hub.clientCount === 1);
    const second = await fetch(url);
    expect(second.status).toBe(503);
    first.abort();
  });
});
