import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, RuntimeEvent } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';
import { misbehavingServer } from './helpers/misbehaving-server.js';

type World = ReturnType<typeof tempWorld>;
let world: World;
let runtime: Runtime;
const servers: { close(): Promise<void> }[] = [];

beforeEach(() => {
  world = tempWorld();
  runtime = testRuntime(world);
});
afterEach(async () => {
  await runtime.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  world.cleanup();
});

async function serve(behaviour: Parameters<typeof misbehavingServer>[0]) {
  const server = await misbehavingServer(behaviour);
  servers.push(server);
  return server;
}

function httpFlow(url: string, retry: Record<string, unknown>, sink: Record<string, unknown> = {}) {
  const document = chainFlow('deliver', [
    { id: 'in', type: 'inline', config: { messages: [{ n: 1 }] } },
    { id: 'retry', type: 'retry', config: { initialDelayMs: 20, maxDelayMs: 100, attemptTimeoutMs: 2000, ...retry } },
    { id: 'out', type: 'http', config: { url: `${url}/hook`, ...sink } },
  ]);
  return { document, file: join(world.flowsDir, 'deliver.json') };
}

describe('http delivery with retry', () => {
  it('delivers after two 503s, in three attempts with one idempotency key', async () => {
    const server = await serve((n) => (n <= 2 ? { status: 503 } : { status: 200 }));
    const summary = await runtime.runOnce(httpFlow(server.url, { attempts: 5 }));
    expect(summary).toMatchObject({ received: 1, delivered: 1, deadLettered: 0 });
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/\S{8,}/);
    expect(JSON.parse(server.requests[2]!.body)).toEqual({ n: 1 });
    const trace = runtime.runs.listMessages({ runId: summary.runId }).items[0]!;
    expect(trace.status).toBe('delivered');
    expect(trace.steps.find((s) => s.nodeId === 'out')?.attempts).toBe(3);
  });

  it('dead-letters after the configured attempts when the sink always answers 500, backing off in between', async () => {
    const server = await serve(() => ({ status: 500, body: '{"error":"boom"}' }));
    const started = Date.now();
    const summary = await runtime.runOnce(httpFlow(server.url, { attempts: 4, initialDelayMs: 40, maxDelayMs: 80 }));
    const elapsed = Date.now() - started;
    expect(summary).toMatchObject({ received: 1, delivered: 0, deadLettered: 1 });
    expect(server.requests).toHaveLength(4);
    // Full jitter: each wait is between 0 and its ceiling (40, 80, 80 ms); loosely bounded above.
    for (let i = 1; i < server.requests.length; i++) expect(server.requests[i]!.at - server.requests[i - 1]!.at).toBeLessThan(80 + 150);
    expect(elapsed).toBeLessThan(3000);
    const [dl] = runtime.deadLetters.list({ flowId: 'deliver' }).items;
    expect(dl).toMatchObject({ nodeId: 'out', errorClass: 'delivery', attempts: 4, status: 'pending', payload: { n: 1 }, originalInput: { n: 1 } });
    expect(dl!.details).toMatchObject({ status: 500, responseExcerpt: '{"error":"boom"}' });
    expect(dl!.flowVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(dl!.audit.map((a) => a.action)).toEqual(['dead-lettered']);
    expect(runtime.deadLetters.depth('deliver')).toBe(1);
  });

  it('honours Retry-After on 429', async () => {
    const server = await serve((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 201 }));
    const summary = await runtime.runOnce(httpFlow(server.url, { attempts: 3, maxDelayMs: 5000 }));
    expect(summary.delivered).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('times out a hanging sink and dead-letters with reason timeout', async () => {
    const server = await serve(() => 'hang');
    const started = Date.now();
    const summary = await runtime.runOnce(httpFlow(server.url, { attempts: 2, attemptTimeoutMs: 150 }, { timeoutMs: 5000 }));
    expect(summary.deadLettered).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
    const [dl] = runtime.deadLetters.list({}).items;
    expect(dl).toMatchObject({ errorClass: 'timeout', attempts: 2 });
  });

  it('does not retry a 400: straight to the DLQ with status and response excerpt', async () => {
    const server = await serve(() => ({ status: 400, body: '{"error":"customerId is required"}' }));
    const summary = await runtime.runOnce(httpFlow(server.url, { attempts: 5 }));
    expect(summary.deadLettered).toBe(1);
    expect(server.requests).toHaveLength(1);
    const [dl] = runtime.deadLetters.list({ errorClass: 'delivery' }).items;
    expect(dl).toMatchObject({ attempts: 1, details: { status: 400, responseExcerpt: '{"error":"customerId is required"}' } });
  });

  it('without a retry node a failure is dead-lettered after one attempt', async () => {
    const server = await serve(() => ({ status: 503 }));
    const document = chainFlow('plain', [{ id: 'in', type: 'inline', config: { messages: [{ a: 1 }] } }, { id: 'out', type: 'http', config: { url: server.url } }]);
    const summary = await runtime.runOnce({ document, file: join(world.flowsDir, 'plain.json') });
    expect(summary.deadLettered).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('opens the breaker after consecutive failures, dead-letters circuit-open while open, and closes after the cool-down', async () => {
    let healthy = false;
    const server = await serve(() => (healthy ? { status: 200 } : { status: 503 }));
    const events: RuntimeEvent[] = [];
    runtime.subscribe((e) => events.push(e));
    const flow = httpFlow(server.url, { attempts: 1, breaker: { failureThreshold: 2, coolDownMs: 300, whenOpen: 'dead-letter', maxWaitMs: 0 } });
    const one = await testRuntimeWithConcurrency1();
    const first = await one.runOnce(flow, { input: [{ m: 1 }, { m: 2 }, { m: 3 }, { m: 4 }] });
    expect(first).toMatchObject({ received: 4, deadLettered: 4 });
    // Two failures reached the server; the next two were refused by the open breaker without a request.
    expect(server.requests).toHaveLength(2);
    const reasons = one.deadLetters.list({}, { limit: 10 }).items.map((d) => d.errorClass).sort();
    expect(reasons).toEqual(['circuit-open', 'circuit-open', 'delivery', 'delivery']);
    await one.close();
    // A new run compiles a new breaker; show recovery inside one run: wait out the cool-down mid-run instead.
    healthy = false;
    const two = await testRuntimeWithConcurrency1();
    const breakerEvents: string[] = [];
    two.subscribe((e) => {
      if (e.type === 'breaker') breakerEvents.push(e.state);
    });
    const flowWait = httpFlow(server.url, { attempts: 1, breaker: { failureThreshold: 2, coolDownMs: 300, whenOpen: 'wait', maxWaitMs: 5000 } });
    setTimeout(() => (healthy = true), 150);
    const second = await two.runOnce(flowWait, { input: [{ m: 5 }, { m: 6 }, { m: 7 }, { m: 8 }] });
    expect(second.delivered).toBeGreaterThanOrEqual(2);
    expect(breakerEvents).toEqual(['open', 'half-open', 'closed']);
    await two.close();
  });
});

async function testRuntimeWithConcurrency1() {
  const w = tempWorld();
  servers.push({ close: async () => w.cleanup() });
  return testRuntime(w, { concurrency: 1 });
}
