import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, type Runtime, type RuntimeOptions } from '@seam/runtime';
import { loadOrCreateToken } from './auth-token.js';
import { createApp } from './create-app.js';
import { DeployedVersions } from './deployed-versions.js';
import { FlowRepository } from './flow-repository.js';
import { FlowWatcher } from './flow-watcher.js';
import { wireLiveEvents } from './live-events.js';
import { LoginCodes } from './login-codes.js';
import { MetricsExporter } from './metrics-exporter.js';
import { createServerLogger, type ServerLogger } from './server-logger.js';
import { contractStatusCache } from './contract-status.js';
import { SseHub } from './sse-hub.js';
import { HttpWebhookIngress } from './webhook-ingress.js';

export interface ServerOptions {
  /** Default 4400; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: only this machine can connect. */
  readonly host?: string;
  /** The flows folder: `<id>.json` files, the source of truth. */
  readonly flowsDir: string;
  /** Holds seam.db (SQLite), the token file, secrets.json and what file/sqlite sinks write. */
  readonly dataDir: string;
  /** The built web app (apps/web/dist); served with an SPA fallback when it exists. */
  readonly webDist?: string;
  /** API token; otherwise env SEAM_TOKEN, otherwise `<dataDir>/token` (created on first start). */
  readonly token?: string;
  readonly logger?: ServerLogger;
  /** Passed to the runtime (concurrency, secrets, run history, …); the server supplies its paths, webhooks and logger. */
  readonly runtime?: Omit<RuntimeOptions, 'dbPath' | 'dataDir' | 'webhooks' | 'logger'>;
  /** Tuning for tests: SSE heartbeat, stats tick, flows folder rescan. */
  readonly timings?: { readonly heartbeatMs?: number; readonly statsMs?: number; readonly rescanMs?: number };
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** True when this start generated the token file (the only start that prints the token). */
  readonly tokenCreated: boolean;
  readonly tokenFile?: string;
  /** A fresh one-time link that logs the browser in. */
  loginUrl(): string;
  readonly runtime: Runtime;
  /** Stops intake, lets the runtime finish or persist in-flight messages, closes the database and the port. */
  close(): Promise<void>;
  /** Settles once close() has finished (whoever called it: a signal handler, a test). */
  readonly closed: Promise<void>;
}

/** Starts the Seam server: flows API, runtime control, webhooks, metrics, live events and the web app, on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createServerLogger();
  const dataDir = resolve(options.dataDir);
  const token = loadOrCreateToken(dataDir, options.token);
  const repo = new FlowRepository(options.flowsDir);
  const codes = new LoginCodes();
  // The exporter reads the runtime, and the runtime needs the ingress: the ingress reaches the exporter late.
  const counted: { exporter?: MetricsExporter } = {};
  const ingress = new HttpWebhookIngress((flow, node, status) => counted.exporter?.countWebhook(flow, node, status));
  const runtime = createRuntime({
    ...options.runtime,
    dbPath: join(dataDir, 'seam.db'),
    dataDir,
    webhooks: ingress,
    logger: logger.child({ component: 'runtime' }),
  });
  const metrics = new MetricsExporter(runtime, () => repo.ids(), contractStatusCache(repo, runtime));
  counted.exporter = metrics;
  const hub = new SseHub({ heartbeatMs: options.timings?.heartbeatMs ?? 15_000 });
  const stopLive = wireLiveEvents(runtime, hub, metrics, options.timings?.statsMs ?? 5000);
  const watcher = new FlowWatcher(repo, (change) => hub.publish('flow-changed', change), { pollMs: options.timings?.rescanMs ?? 3000 });
  watcher.start();

  const versions = new DeployedVersions();
  try {
    await runtime.resume(versions.recordingResolver(repo));
  } catch (err) {
    // One flow that cannot resume must not keep the server (and the others' dead letters) unreachable.
    logger.error({ err }, 'resuming deployed flows failed');
  }

  const app = createApp({
    repo, runtime, token: token.token, codes, hub, metrics, ingress, versions, logger, version: serverVersion(),
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    server = await listen(app, options.port ?? 4400, host);
  } catch (err) {
    watcher.close();
    stopLive();
    hub.close();
    await runtime.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!isLoopback(host)) logger.warn({ host }, 'listening beyond this machine: anyone who can reach this port and has the token can change flows');
  logger.info({ url, flowsDir: repo.dir, dataDir }, 'seam server listening');

  let closing: Promise<void> | undefined;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((done) => { markClosed = done; });
  const close = () => {
    closing ??= (async () => {
      ingress.stopIntake();
      watcher.close();
      stopLive();
      hub.close();
      const portClosed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      await runtime.close();
      const timer = setTimeout(() => server.closeAllConnections(), 5000);
      await portClosed;
      clearTimeout(timer);
      logger.info('seam server stopped');
      markClosed();
    })();
    return closing;
  };

  return {
    url, port, token: token.token, tokenCreated: token.created,
    ...(token.file ? { tokenFile: token.file } : {}),
    loginUrl: () => `${url}/?login=${codes.issue()}`,
    runtime,
    close,
    closed,
  };
}

/** apps/web/dist of this checkout: where `npm run build -w @seam/web` puts the designer. */
export function defaultWebDist(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolveListen(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use: stop the other process or choose --port`) : err);
    });
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function serverVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
