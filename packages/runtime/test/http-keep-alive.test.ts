import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime, type NodeSpec } from './helpers/flows.js';

type World = ReturnType<typeof tempWorld>;
let world: World;
let runtime: Runtime;
const servers: Server[] = [];

beforeEach(() => {
  world = tempWorld();
  runtime = testRuntime(world);
});
afterEach(async () => {
  await runtime.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  world.cleanup();
});

/** A loopback server that counts the TCP connections it accepted and the ones still open. */
async function countingServer(handle: (req: IncomingMessage, res: ServerResponse, nthOnSocket: number) => void) {
  const server = createServer((req, res) => {
    const socket = req.socket as Socket & { requests?: number };
    socket.requests = (socket.requests ?? 0) + 1;
    const n = socket.requests;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      authorizations.push(req.headers.authorization);
      handle(req, res, n);
    });
  });
  const bodies: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const stats = { connections: 0, open: 0, bodies, authorizations };
  server.on('connection', (socket: Socket) => {
    stats.connections += 1;
    stats.open += 1;
    socket.on('close', () => (stats.open -= 1));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stats };
}

const inline = (count: number): NodeSpec => ({ id: 'in', type: 'inline', config: { messages: Array.from({ length: count }, (_, i) => ({ i })) } });
const run = (id: string, nodes: NodeSpec[], rt = runtime) => rt.runOnce({ document: chainFlow(id, nodes), file: join(world.flowsDir, `${id}.json`) });

async function until(test: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe('http sink connections', () => {
  it('reuses keep-alive connections: 200 messages over at most `concurrency` sockets, closed when the run ends', async () => {
    const server = await countingServer((_req, res) => res.end('{}'));
    const summary = await run('reuse', [inline(200), { id: 'out', type: 'http', config: { url: `${server.url}/in` } }]);
    expect(summary).toMatchObject({ delivered: 200, deadLettered: 0 });
    expect(server.stats.bodies).toHaveLength(200);
    expect(server.stats.connections).toBeGreaterThanOrEqual(1);
    expect(server.stats.connections).toBeLessThanOrEqual(16);
    // The sink's sockets do not outlive its flow.
    await until(() => server.stats.open === 0);
    expect(server.stats.open).toBe(0);
  });

  it('loses nothing when the server closes a kept-alive socket just as the next request goes out on it', async () => {
    // Every connection answers one request, then drops the next one unanswered (as a server whose keep-alive
    // timeout fired at that moment would); no retry node, so a lost request would be a dead letter.
    const server = await countingServer((req, res, n) => (n === 1 ? res.end('{}') : req.socket.destroy()));
    const one = testRuntime(world, { concurrency: 1 });
    try {
      const summary = await run('drops', [inline(20), { id: 'out', type: 'http', config: { url: server.url } }], one);
      expect(summary).toMatchObject({ delivered: 20, deadLettered: 0 });
      // Each message after the first met a dropped socket first, then went out on a new one.
      expect(server.stats.connections).toBeGreaterThanOrEqual(20);
      expect(server.stats.bodies.filter((b) => b === '{"i":7}').length).toBe(2);
    } finally {
      await one.close();
    }
  });

  it('times out a server that answers too slowly, dead-letters with reason timeout and closes that socket', async () => {
    const server = await countingServer((_req, res) => setTimeout(() => res.end('{}'), 3000).unref());
    const started = Date.now();
    const summary = await run('slow', [inline(1), { id: 'out', type: 'http', config: { url: server.url, timeoutMs: 150 } }]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(summary).toMatchObject({ delivered: 0, deadLettered: 1 });
    const [dl] = runtime.deadLetters.list({}).items;
    expect(dl).toMatchObject({ errorClass: 'timeout', message: `POST ${server.url}/ timed out` });
    await until(() => server.stats.open === 0);
    expect(server.stats.open).toBe(0);
  });

  it('keeps only the start of a large error body and names the URL without its password', async () => {
    const big = `{"error":"${'x'.repeat(1_000_000)}"}`;
    const server = await countingServer((_req, res) => {
      res.writeHead(422, 'Unprocessable Entity');
      res.end(big);
    });
    // A password in a URL must be a secret reference (a literal one is a flow problem); sent as Basic auth.
    await runtime.close();
    runtime = testRuntime(world, { secrets: { BILLING_PASSWORD: 'hunter22' } });
    const url = server.url.replace('http://', 'http://billing:{{secret.BILLING_PASSWORD}}@');
    const summary = await run('big', [inline(2), { id: 'out', type: 'http', config: { url } }]);
    expect(summary.deadLettered).toBe(2);
    expect(server.stats.authorizations).toContain(`Basic ${Buffer.from('billing:hunter22').toString('base64')}`);
    const [dl] = runtime.deadLetters.list({}).items;
    expect(dl!.message).toBe(`POST ${server.url}/ answered 422 Unprocessable Entity`);
    expect(dl!.details).toMatchObject({ status: 422, responseExcerpt: big.slice(0, 500) });
    expect(JSON.stringify(dl)).not.toContain('hunter22');
  });

  it('follows a same-origin 307 with method and body, and dead-letters a 302 instead of sending a body-less GET', async () => {
    const server = await countingServer((req, res) => {
      if (req.url === '/old') res.writeHead(307, { location: '/new' }).end();
      else if (req.url === '/moved') res.writeHead(302, { location: '/new' }).end();
      else res.end(`{"method":"${req.method}"}`);
    });
    const followed = await run('redirected', [inline(1), { id: 'out', type: 'http', config: { url: `${server.url}/old`, method: 'PUT' } }]);
    expect(followed).toMatchObject({ delivered: 1, deadLettered: 0 });
    expect(server.stats.bodies).toEqual(['{"i":0}', '{"i":0}']);
    const refused = await run('moved', [
      inline(1),
      { id: 'retry', type: 'retry', config: { attempts: 3, initialDelayMs: 10 } },
      { id: 'out', type: 'http', config: { url: `${server.url}/moved` } },
    ]);
    expect(refused).toMatchObject({ delivered: 0, deadLettered: 1 });
    const [dl] = runtime.deadLetters.list({ flowId: 'moved' }).items;
    expect(dl).toMatchObject({ attempts: 1, details: { status: 302 } });
  });
});
