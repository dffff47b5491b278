import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runSeam, scratchDir } from './run-seam.js';

/** orders-in (webhook) → to-entry (JSONata) → ledger (http), with contracts on both ends. */
function ledgerFlow(options: { expression?: string; ledgerExamples?: unknown[]; rejects?: unknown[]; withCheck?: boolean } = {}) {
  const expression = options.expression ?? '{ "orderId": id, "amount": amount, "currency": $uppercase(currency) }';
  const check = { id: 'check-entry', type: 'json-schema', config: { schema: { type: 'object', required: ['amount'], properties: { amount: { type: 'number', minimum: 0 } } } } };
  return JSON.stringify({
    formatVersion: 2,
    id: 'orders-to-ledger',
    name: 'Orders to ledger',
    nodes: [
      { id: 'orders-in', type: 'webhook', config: {} },
      { id: 'to-entry', type: 'jsonata', config: { expression } },
      ...(options.withCheck ? [check] : []),
      {
        id: 'ledger',
        type: 'http',
        label: 'Ledger API',
        config: { url: 'https://ledger.example.com/api/entries?tenant=acme', method: 'PUT', headers: { Authorization: 'Bearer {{secret.LEDGER_TOKEN}}', 'X-Source': 'seam' } },
      },
    ],
    edges: options.withCheck
      ? [{ from: 'orders-in', to: 'to-entry' }, { from: 'to-entry', to: 'check-entry' }, { from: 'check-entry', to: 'ledger' }]
      : [{ from: 'orders-in', to: 'to-entry' }, { from: 'to-entry', to: 'ledger' }],
    contracts: {
      'orders-in': {
        schema: { type: 'object', required: ['id', 'amount', 'currency'], properties: { id: { type: 'string' }, amount: { type: 'number' }, currency: { type: 'string' } } },
        examples: [{ id: 'A-1', amount: 12.5, currency: 'eur' }, { id: 'A-2', amount: 3, currency: 'usd' }],
        ...(options.rejects ? { rejects: options.rejects } : {}),
      },
      ledger: {
        schema: {
          type: 'object',
          required: ['orderId', 'amount', 'currency'],
          properties: { orderId: { type: 'string' }, amount: { type: 'number' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
        },
        examples: options.ledgerExamples ?? [{ orderId: 'A-1', amount: 12.5, currency: 'EUR' }],
      },
    },
  });
}

function writeFlow(text: string): string {
  const dir = scratchDir();
  writeFileSync(join(dir, 'ledger.json'), text);
  return dir;
}

describe('seam test', () => {
  it('passes the example flows in flows/ with exit 0 and a summary line', async () => {
    const result = await runSeam(['test', 'flows/'], repoRoot);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^3 flows, \d+ examples checked, 0 broken$/m);
    expect(result.code).toBe(0);
  });

  it('passes a flow whose mapping turns every source example into what the sink contract accepts', async () => {
    const result = await runSeam(['test', 'ledger.json'], writeFlow(ledgerFlow()));
    expect(result.lines).toEqual([]);
    // 2 source examples + 1 ledger example
    expect(result.stderr).toContain('1 flow, 3 examples checked, 0 broken');
    expect(result.code).toBe(0);
  });

  it('fails a mapping that renames a field the sink contract requires, naming the example, the sink and the path', async () => {
    const dir = writeFlow(ledgerFlow({ expression: '{ "order_id": id, "amount": amount, "currency": $uppercase(currency) }' }));
    const result = await runSeam(['test', 'ledger.json'], dir);
    expect(result.lines).toEqual([
      'ledger.json: orders-in example 1: the flow sends "ledger" what its contract refuses: $.orderId: is missing (required)',
      'ledger.json: orders-in example 2: the flow sends "ledger" what its contract refuses: $.orderId: is missing (required)',
    ]);
    expect(result.stderr).toContain('1 flow, 3 examples checked, 2 broken');
    expect(result.code).toBe(1);
  });

  it('fails a mapping that changes a value so it breaks the sink schema, at the path of that value', async () => {
    const dir = writeFlow(ledgerFlow({ expression: '{ "orderId": id, "amount": amount, "currency": currency }' }));
    const result = await runSeam(['test', 'ledger.json'], dir);
    expect(result.lines[0]).toBe('ledger.json: orders-in example 1: the flow sends "ledger" what its contract refuses: $.currency: must match pattern "^[A-Z]{3}$"');
    expect(result.code).toBe(1);
  });

  it('fails a contract example that violates its own contract', async () => {
    const dir = writeFlow(ledgerFlow({ ledgerExamples: [{ orderId: 'A-1', amount: 'twelve', currency: 'EUR' }] }));
    const result = await runSeam(['test', 'ledger.json'], dir);
    expect(result.lines).toEqual(['ledger.json: ledger example 1: its own contract refuses it: $.amount: must be number']);
    expect(result.stderr).toContain('1 flow, 3 examples checked, 1 broken');
    expect(result.code).toBe(1);
  });

  it('fails an example that is dead-lettered on the way, and passes one listed under rejects that is', async () => {
    const negative = { id: 'A-3', amount: -4, currency: 'eur' };
    const flow = JSON.parse(ledgerFlow({ withCheck: true, rejects: [negative] })) as { contracts: Record<string, { examples: unknown[] }> };
    expect((await runSeam(['test', 'ledger.json'], writeFlow(JSON.stringify(flow)))).code).toBe(0);

    flow.contracts['orders-in']!.examples.push(negative);
    const result = await runSeam(['test', 'ledger.json'], writeFlow(JSON.stringify(flow)));
    expect(result.lines).toEqual([expect.stringMatching(/^ledger\.json: orders-in example 3: dead-lettered at "check-entry" \(validation\): .*\/amount must be >= 0/)]);
    expect(result.code).toBe(1);
  });

  it('runs the samples of a source without examples, checking a sample also listed under rejects as a reject only', async () => {
    const negative = { id: 'A-3', amount: -4, currency: 'eur' };
    const flow = JSON.parse(ledgerFlow({ withCheck: true, rejects: [negative] })) as { contracts: Record<string, { examples: unknown[] }>; samples?: Record<string, unknown[]> };
    flow.contracts['orders-in']!.examples = [];
    flow.samples = { 'orders-in': [{ id: 'S-1', amount: 1, currency: 'chf' }, negative, { id: 'S-2', amount: 2, currency: 'euro' }] };
    const result = await runSeam(['test', 'ledger.json'], writeFlow(JSON.stringify(flow)));
    expect(result.lines).toEqual(['ledger.json: orders-in sample 3: the flow sends "ledger" what its contract refuses: $.currency: must match pattern "^[A-Z]{3}$"']);
    // ledger example 1, samples 1 and 3, reject 1
    expect(result.stderr).toContain('1 flow, 4 examples checked, 1 broken');
    expect(result.code).toBe(1);
  });

  it('fails a reject that the flow delivers instead of dead-lettering', async () => {
    const dir = writeFlow(ledgerFlow({ rejects: [{ id: 'A-3', amount: -4, currency: 'eur' }] }));
    const result = await runSeam(['test', 'ledger.json'], dir);
    expect(result.lines).toEqual(['ledger.json: orders-in reject 1: listed under rejects, but the flow delivers it to "ledger" instead of dead-lettering it']);
    expect(result.code).toBe(1);
  });

  it('writes a Pact v3 file per flow and http sink that parses back with the request the sink would send', async () => {
    const dir = writeFlow(ledgerFlow());
    const result = await runSeam(['test', '--pact', 'pacts', 'ledger.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('wrote pacts/orders-to-ledger-ledger.json (2 interactions)');
    const pact = JSON.parse(readFileSync(join(dir, 'pacts', 'orders-to-ledger-ledger.json'), 'utf8')) as Record<string, unknown>;
    expect(pact).toEqual({
      consumer: { name: 'orders-to-ledger' },
      provider: { name: 'ledger.example.com' },
      interactions: expect.any(Array),
      metadata: { pactSpecification: { version: '3.0.0' } },
    });
    const interactions = pact.interactions as { description: string; request: Record<string, unknown>; response: { status: number } }[];
    // orders-in example 1 maps to exactly ledger example 1, so it appears once.
    expect(interactions.map((i) => i.description)).toEqual(['ledger example 1', 'orders-in example 2, as the flow maps it']);
    expect(interactions[1]).toEqual({
      description: 'orders-in example 2, as the flow maps it',
      request: {
        method: 'PUT',
        path: '/api/entries',
        query: { tenant: ['acme'] },
        // The credential is a secret reference: a Pact file must not carry it.
        headers: { 'X-Source': 'seam', 'Content-Type': 'application/json' },
        body: { orderId: 'A-2', amount: 3, currency: 'USD' },
      },
      response: { status: 200 },
    });
  });

  it('answers a missing argument, an unknown option and an invalid flow with a sentence, never a stack trace', async () => {
    const dir = writeFlow('{ "formatVersion": 2, "id": "x" }');
    const none = await runSeam(['test'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: seam test');
    const unknown = await runSeam(['test', '--pakt', 'x', 'ledger.json'], dir);
    expect(unknown.code).toBe(2);
    const invalid = await runSeam(['test', 'ledger.json'], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.lines[0]).toMatch(/^ledger\.json: \$/);
    expect(invalid.stderr).toContain('1 not testable');
    for (const r of [none, unknown, invalid]) expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(existsSync(join(dir, 'pacts'))).toBe(false);
  });
});
