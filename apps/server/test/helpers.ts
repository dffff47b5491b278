// Real parts for the HTTP-level tests: the real server on an ephemeral port with temp folders, and real HTTP
// servers standing in for the systems a flow delivers to.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer, type ServerOptions } from '../src/index.js';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestDirs {
  readonly flowsDir: string;
  readonly dataDir: string;
  remove(): void;
}

export function tempDirs(): TestDirs {
  const root = mkdtempSync(join(tmpdir(), 'seam-server-test-'));
  return {
    flowsDir: join(root, 'flows'),
    dataDir: join(root, 'data'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function startTestServer(dirs: TestDirs, extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    flowsDir: dirs.flowsDir,
    dataDir: dirs.dataDir,
    token: TEST_TOKEN,
    logger: pino({ level: process.env.SEAM_TEST_LOG ?? 'silent' }),
    timings: { heartbeatMs: 200, statsMs: 200, rescanMs: 300 },
    ...extra,
  });
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Calls the API with the test token (unless `token: null`) and parses JSON answers. */
export async function api<T = unknown>(
  server: { readonly url: string },
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly headers?: Record<string, string>; readonly token?: string | null; readonly rawBody?: string } = {},
): Promise<ApiAnswer<T>> {
  const token = options.token === undefined ? TEST_TOKEN : options.token;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T };
}

/** A raw request whose path is sent exactly as written (fetch would normalise `..` and percent-encoding). */
export function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const req = httpRequest({ host: hostname, port, method, path, headers: { ...length, ...headers }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A system a flow delivers to: records every body and answers with `respond` (default 200). */
export interface Sink {
  readonly url: string;
  readonly received: { readonly body: unknown; readonly headers: IncomingHttpHeaders }[];
  respond: Respond;
  close(): Promise<void>;
}

/** The status to answer with, now or after a delay (a slow system). */
export type Respond = (body: unknown) => number | Promise<number>;

export async function startSink(respond: Respond = () => 200): Promise<Sink> {
  const received: Sink['received'][number][] = [];
  let handle: Respond = respond;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      void Promise.resolve(handle(body)).then((status) => {
        if (status < 300) received.push({ body, headers: req.headers });
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/in`,
    received,
    get respond() { return handle; },
    set respond(fn) { handle = fn; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A minimal valid flow: a webhook source `in` straight into an HTTP sink `out` posting to `url`. */
export function webhookToHttpFlow(id: string, url: string, webhook: { maxBodyBytes?: number; contentTypes?: string[] } = {}): Record<string, unknown> {
  return {
    formatVersion: 2,
    id,
    name: `Test flow ${id}`,
    nodes: [
      { id: 'in', type: 'webhook', config: { ...webhook } },
      { id: 'out', type: 'http', config: { url, method: 'POST' } },
    ],
    edges: [{ from: 'in', to: 'out' }],
  };
}
