import { runWorker } from '../lib/worker.js';
import type { SinkServer } from './sink-server.js';
import type { Service } from './service.js';

/** What one load run of one service measured, at the caller (autocannon) and at the sink. */
export interface WebhookRun {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Invoices arriving at the sink while the load ran, per second. */
  readonly deliveriesPerSecondDuringLoad: number;
  /** Every accepted event delivered, per second from the start of the load to the last arrival (backlog included). */
  readonly deliveriesPerSecondEndToEnd: number;
  readonly accepted: number;
  readonly delivered: number;
  readonly failedRequests: number;
  readonly malformed: number;
  /** Seconds after the load ended until the last delivery arrived (Seam delivers after answering 202). */
  readonly drainSeconds: number;
}

interface LoadResult {
  startedAt: number;
  finishedAt: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  p50: number;
  p99: number;
}

export interface LoadSettings {
  readonly bodiesFile: string;
  readonly seconds: number;
  readonly connections: number;
  /** Upper bound on waiting for a backlog to be delivered after the load stops. */
  readonly maxDrainMs: number;
}

/** Loads one service from a separate autocannon process, then waits (bounded) for its backlog to reach the sink. */
export async function loadService(service: Service, sink: SinkServer, sinkPath: string, settings: LoadSettings): Promise<WebhookRun> {
  sink.reset(sinkPath);
  const load = await runWorker<LoadResult>({
    script: 'workers/load.worker.ts',
    timeoutMs: settings.seconds * 1000 + 60_000,
    input: { url: service.hookUrl, bodiesFile: settings.bodiesFile, seconds: settings.seconds, connections: settings.connections },
  });
  const tally = sink.tally(sinkPath);
  await waitForDrain(() => tally.arrivals.length, load.ok, settings.maxDrainMs);
  const arrivals = tally.arrivals;
  const during = arrivals.filter((t) => t >= load.startedAt && t <= load.finishedAt).length;
  const lastArrival = arrivals.length > 0 ? arrivals[arrivals.length - 1]! : load.finishedAt;
  return {
    requestsPerSecond: load.ok / load.seconds,
    p50: load.p50,
    p99: load.p99,
    deliveriesPerSecondDuringLoad: during / ((load.finishedAt - load.startedAt) / 1000),
    deliveriesPerSecondEndToEnd: arrivals.length / ((Math.max(lastArrival, load.finishedAt) - load.startedAt) / 1000),
    accepted: load.ok,
    delivered: arrivals.length,
    failedRequests: load.non2xx + load.errors + load.timeouts,
    malformed: tally.malformed,
    drainSeconds: Math.max(0, lastArrival - load.finishedAt) / 1000,
  };
}

/** Returns once `count()` reaches `target`, stops growing for 5 s, or `maxMs` passes: never waits unboundedly. */
async function waitForDrain(count: () => number, target: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = count();
  let lastChange = Date.now();
  while (count() < target && Date.now() < deadline && Date.now() - lastChange < 5000) {
    await new Promise((r) => setTimeout(r, 100));
    if (count() !== last) {
      last = count();
      lastChange = Date.now();
    }
  }
}
