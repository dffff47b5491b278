import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowSource, Runtime } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';
import { misbehavingServer } from './helpers/misbehaving-server.js';

let world: ReturnType<typeof tempWorld>;
let runtime: Runtime;
let server: Awaited<ReturnType<typeof misbehavingServer>>;

beforeEach(async () => {
  world = tempWorld();
  // Accepts only messages with a customerId; echoes the Authorization header back on rejection (a careless upstream).
  server = await misbehavingServer((_n, req) => {
    const body = JSON.parse(req.body) as Record<string, unknown>;
    return body.customerId ? { status: 200 } : { status: 422, body: JSON.stringify({ error: 'customerId missing', auth: req.headers.authorization }) };
  });
  runtime = testRuntime(world, { secrets: { BILLING_TOKEN: 's3cr3t-token-value' } });
});
afterEach(async () => {
  await runtime.close();
  await server.close();
  world.cleanup();
});

function billingFlow(expression = '{ "customerId": customer, "total": total }'): FlowSource {
  const document = chainFlow('billing', [
    { id: 'in', type: 'inline', config: { messages: [{ customer: 'C-1', total: 10 }, { total: 5 }] } },
    { id: 'map', type: 'jsonata', config: { expression } },
    { id: 'retry', type: 'retry', config: { attempts: 2, initialDelayMs: 10 } },
    { id: 'send', type: 'http', config: { url: `${server.url}/invoices`, headers: { Authorization: 'Bearer {{secret.BILLING_TOKEN}}' } } },
  ]);
  return { document, file: join(world.flowsDir, 'billing.json') };
}

describe('replay', () => {
  it('delivers a dead letter after its payload is edited, through the current flow version, and audits each step', async () => {
    const flow = billingFlow();
    const summary = await runtime.runOnce(flow);
    expect(summary).toMatchObject({ delivered: 1, deadLettered: 1 });
    const [dl] = runtime.deadLetters.list({ status: 'pending' }).items;
    expect(dl).toMatchObject({ nodeId: 'send', errorClass: 'delivery', payload: { total: 5 } });

    // Replaying unchanged fails again and keeps the entry pending.
    const again = await runtime.replay({ ids: [dl!.id] }, () => flow, 'alice');
    expect(again).toEqual([expect.objectContaining({ id: dl!.id, result: 'dead-lettered-again' })]);
    expect(runtime.deadLetters.depth('billing')).toBe(1);

    runtime.deadLetters.editPayload(dl!.id, { customerId: 'C-9', total: 5 }, 'alice');
    const outcome = await runtime.replay({ ids: [dl!.id] }, () => flow, 'alice');
    expect(outcome).toEqual([{ id: dl!.id, result: 'delivered' }]);
    const after = runtime.deadLetters.get(dl!.id)!;
    expect(after.status).toBe('replayed');
    expect(after.audit.map((a) => a.action)).toEqual(['dead-lettered', 'replay-failed', 'edited', 'replayed']);
    expect(after.audit.at(-1)!.actor).toBe('alice');
    expect(runtime.deadLetters.depth('billing')).toBe(0);
    // Same idempotency key as the original delivery attempts.
    const keys = server.requests.filter((r) => r.body.includes('"total":5')).map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
    // Already replayed: skipped, not sent twice.
    expect((await runtime.replay({ ids: [dl!.id] }, () => flow))[0]!.result).toBe('skipped');
  });

  it('replays by filter through a fixed mapping (starting at the failing node) and discards with a note', async () => {
    await runtime.runOnce(billingFlow('{ "customerId": customer, "total": total }'));
    await runtime.runOnce(billingFlow('{ "customerId": customer, "total": total }'));
    expect(runtime.deadLetters.depth('billing')).toBe(2);
    const [first, second] = runtime.deadLetters.list({ flowId: 'billing' }).items;
    runtime.deadLetters.discard(second!.id, 'bob', 'test data');
    expect(runtime.deadLetters.get(second!.id)!.audit.at(-1)).toMatchObject({ action: 'discarded', actor: 'bob', note: 'test data' });
    runtime.deadLetters.editPayload(first!.id, { customerId: 'C-2', total: 5 });
    const outcomes = await runtime.replay({ filter: { flowId: 'billing', errorClass: 'delivery' } }, () => billingFlow());
    expect(outcomes).toEqual([{ id: first!.id, result: 'delivered' }]);
    expect(() => runtime.deadLetters.discard(second!.id)).toThrow(/already discarded/);
  });
});

describe('secrets', () => {
  it('resolves {{secret.NAME}} in headers and never stores the value in the DLQ or run history', async () => {
    const summary = await runtime.runOnce(billingFlow());
    expect(server.requests[0]!.headers.authorization).toBe('Bearer s3cr3t-token-value');
    const [dl] = runtime.deadLetters.list({}).items;
    const stored = JSON.stringify(dl) + JSON.stringify(runtime.runs.listMessages({ runId: summary.runId }).items);
    expect(stored).toContain('customerId missing');
    expect(stored).not.toContain('s3cr3t-token-value');
    expect(stored).toContain('[secret:BILLING_TOKEN]');
  });

  it('a missing secret dead-letters the message as a config error naming it', async () => {
    await runtime.close();
    runtime = testRuntime(world, { secrets: {} });
    const summary = await runtime.runOnce(billingFlow());
    expect(summary.deadLettered).toBe(2);
    const [dl] = runtime.deadLetters.list({}).items;
    expect(dl!.errorClass).toBe("config");
    expect(dl!.message).toContain('secret "BILLING_TOKEN" is not set');
    expect(dl!.message).toContain('SEAM_SECRET_BILLING_TOKEN');
    expect(server.requests).toHaveLength(0);
  });
});
