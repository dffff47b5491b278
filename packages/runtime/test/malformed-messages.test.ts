import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';

let world: ReturnType<typeof tempWorld>;
let runtime: Runtime;
beforeEach(() => {
  world = tempWorld();
  runtime = testRuntime(world);
});
afterEach(async () => {
  await runtime.close();
  world.cleanup();
});

const schema = {
  type: 'object',
  required: ['id', 'amount', 'issuedAt'],
  properties: { id: { type: 'string' }, amount: { type: 'number' }, issuedAt: { type: 'string', format: 'date-time' } },
};

function fileFlow(lines: string[]) {
  writeFileSync(join(world.flowsDir, 'input.ndjson'), lines.join('\n'));
  const document = chainFlow('orders', [
    { id: 'read', type: 'file', config: { path: 'input.ndjson', format: 'ndjson' } },
    { id: 'map', type: 'jsonata', config: { expression: '$' } },
    { id: 'check', type: 'json-schema', config: { schema, coercions: [{ pointer: '/issuedAt', as: 'date-time' }, { pointer: '/amount', as: 'number' }] } },
    { id: 'store', type: 'file-append', config: { path: 'out/orders.ndjson' } },
  ]);
  return { document, file: join(world.flowsDir, 'orders.json') };
}

describe('malformed messages end in the DLQ with the right reason', () => {
  it('wrong types, missing fields, not JSON and a 5 MB payload', async () => {
    const good = { id: 'a', amount: 1, issuedAt: '2026-01-01T00:00:00Z' };
    const lines = [
      JSON.stringify(good),
      JSON.stringify({ id: 'b', amount: 'twelve', issuedAt: '2026-01-01T00:00:00Z' }),
      JSON.stringify({ id: 'c', amount: 3 }),
      '{"id": "d", "amount": ',
      JSON.stringify({ id: 'e', amount: 1, issuedAt: '2026-01-01T00:00:00Z', blob: 'x'.repeat(5 * 1024 * 1024) }),
      JSON.stringify({ id: 'f', amount: '7.5', issuedAt: 1767225600 }),
    ];
    const summary = await runtime.runOnce(fileFlow(lines));
    expect(summary).toMatchObject({ received: 6, delivered: 2, deadLettered: 4 });
    const byMessage = new Map(runtime.deadLetters.list({ flowId: 'orders' }).items.map((d) => [d.messageId.split(':').pop(), d]));
    expect(byMessage.get('2')).toMatchObject({ errorClass: 'validation', nodeId: 'check' });
    expect(byMessage.get('2')!.details.errors).toEqual([expect.objectContaining({ path: '/amount', message: 'must be number' })]);
    expect(byMessage.get('3')!.details.errors).toEqual([expect.objectContaining({ message: "must have required property 'issuedAt'" })]);
    expect(byMessage.get('4')).toMatchObject({ errorClass: 'validation', nodeId: 'read', details: { line: 4 } });
    expect(byMessage.get('4')!.message).toContain('line 4 is not valid JSON');
    expect(byMessage.get('5')).toMatchObject({ errorClass: 'validation', nodeId: 'read' });
    expect(byMessage.get('5')!.message).toMatch(/line 5 is \d+ bytes, above the 1048576-byte message limit/);
    // The drifted message was normalised, delivered, and recorded as drift.
    const drift = runtime.metrics.driftEvents('orders');
    expect(drift.map((d) => `${d.field}:${d.seen}`).sort()).toEqual(['/amount:numeric string', '/issuedAt:Unix seconds']);
    const delivered = (await import('node:fs')).readFileSync(join(world.dataDir, 'out/orders.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(delivered).toContainEqual({ id: 'f', amount: 7.5, issuedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('a bad line, fixed in the DLQ, is replayed from the source into the rest of the flow', async () => {
    const flow = fileFlow([JSON.stringify({ id: 'a', amount: 1, issuedAt: '2026-01-01T00:00:00Z' }), '{"id": "b", amount: 2}']);
    await runtime.runOnce(flow);
    const [dl] = runtime.deadLetters.list({ nodeId: 'read' }).items;
    expect(dl).toMatchObject({ errorClass: 'validation', payload: '{"id": "b", amount: 2}', details: { line: 2 } });
    runtime.deadLetters.editPayload(dl!.id, { id: 'b', amount: 2, issuedAt: 1767225600000 });
    expect(await runtime.replay({ ids: [dl!.id] }, () => flow)).toEqual([{ id: dl!.id, result: 'delivered' }]);
    const lines = (await import('node:fs')).readFileSync(join(world.dataDir, 'out/orders.ndjson'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ id: 'b', amount: 2, issuedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('a runaway JSONata expression is stopped as a transform dead letter and the process carries on', async () => {
    const document = chainFlow('runaway', [
      { id: 'in', type: 'inline', config: { messages: [{ kind: 'loop' }, { kind: 'range' }, { kind: 'ok' }] } },
      {
        id: 'map',
        type: 'jsonata',
        config: {
          timeoutMs: 300,
          maxDepth: 200,
          expression: 'kind = "loop" ? ($f := function($x){$f($x)}; $f(1)) : kind = "range" ? $count([1..100000000]) : { "fine": true }',
        },
      },
      { id: 'out', type: 'log' },
    ]);
    const started = Date.now();
    const summary = await runtime.runOnce({ document, file: join(world.flowsDir, 'runaway.json') });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(summary).toMatchObject({ received: 3, delivered: 1, deadLettered: 2 });
    const dls = runtime.deadLetters.list({ flowId: 'runaway' }).items;
    expect(dls.map((d) => d.errorClass)).toEqual(['transform', 'transform']);
    expect(dls.map((d) => d.message).join(' ')).toMatch(/D1012|D1011/);
    expect(dls.map((d) => d.message).join(' ')).toMatch(/D2014/);
  });

  it('a deeply recursive expression is stopped by the depth bound', async () => {
    const document = chainFlow('deep', [
      { id: 'in', type: 'inline', config: { messages: [{ n: 100000 }] } },
      { id: 'map', type: 'jsonata', config: { maxDepth: 50, expression: '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(n))' } },
      { id: 'out', type: 'log' },
    ]);
    const summary = await runtime.runOnce({ document, file: join(world.flowsDir, 'deep.json') });
    expect(summary.deadLettered).toBe(1);
    expect(runtime.deadLetters.list({}).items[0]!.message).toMatch(/D1011/);
  });

  it('a mapping that produces nothing is a transform error', async () => {
    const document = chainFlow('empty', [
      { id: 'in', type: 'inline', config: { messages: [{ a: 1 }] } },
      { id: 'map', type: 'jsonata', config: { expression: 'missing.field' } },
      { id: 'out', type: 'log' },
    ]);
    await runtime.runOnce({ document, file: join(world.flowsDir, 'empty.json') });
    expect(runtime.deadLetters.list({}).items[0]).toMatchObject({ errorClass: 'transform', nodeId: 'map' });
  });
});
