// The load generator, in its own process so that it does not share an event loop with the server it loads.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { workerDone, workerInput } from '../lib/worker.js';

interface Input {
  readonly url: string;
  readonly bodiesFile: string;
  readonly seconds: number;
  readonly connections: number;
}

const input = workerInput<Input>();
const bodies = JSON.parse(readFileSync(input.bodiesFile, 'utf8')) as string[];
let next = 0;
const startedAt = Date.now();
const result = await autocannon({
  url: input.url,
  connections: input.connections,
  duration: input.seconds,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  timeout: 10,
  // Distinct events, cycled, so that no layer can get away with caching one body.
  requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
});
workerDone({
  startedAt,
  finishedAt: Date.now(),
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  seconds: result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
});
