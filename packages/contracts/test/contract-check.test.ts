// checkFlowContracts and flowPacts on flow documents run through a real runtime's test run (scratch SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlowValue, type FlowDocument } from '@seam/flow';
import { createRuntime, type Runtime } from '@seam/runtime';
import { checkFlowContracts, createSchemaChecker, flowPacts } from '../src/index.js';

let scratch: string;
let runtime: Runtime;
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'seam-contracts-test-'));
  runtime = createRuntime({ dbPath: join(scratch, 'seam.db'), dataDir: scratch, logger: quiet });
});
afterAll(async () => {
  await runtime?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** orders (webhook) → to-entry (JSONata) → ledger (http) and rows (sqlite), contracts on the webhook and both sinks. */
function ordersFlow(expression = '{ "orderId": id, "amount": amount }'): FlowDocument {
  const loaded = loadFlowValue({
    formatVersion: 2, id: 'orders', name: 'Orders',
    nodes: [
      { id: 'orders', type: 'webhook' },
      { id: 'to-entry', type: 'jsonata', config: { expression } },
      { id: 'ledger', type: 'http', config: { url: 'https://ledger.example.com/entries' } },
      { id: 'rows', type: 'sqlite', config: { table: 'entries' } },
    ],
    edges: [{ from: 'orders', to: 'to-entry' }, { from: 'to-entry', to: 'ledger' }, { from: 'to-entry', to: 'rows' }],
    contracts: {
      orders: { schema: { type: 'object', required: ['id'] }, examples: [{ id: 'A-1', amount: 3 }, { id: 'A-2', amount: 4 }] },
      ledger: { schema: { type: 'object', required: ['orderId', 'amount'] }, examples: [] },
      rows: { schema: { type: 'object' }, examples: [] },
    },
  });
  if (!loaded.document || loaded.problems.length > 0) throw new Error(JSON.stringify(loaded.problems));
  return loaded.document;
}

const check = (document: FlowDocument) => checkFlowContracts({ document, file: join(scratch, 'orders.json') }, (flow, samples) => runtime.testRun(flow, samples), createSchemaChecker());

describe('checkFlowContracts', () => {
  it('counts every source example once, however many sinks it reaches, and passes a mapping the sinks accept', async () => {
    const report = await check(ordersFlow());
    expect(report).toMatchObject({ checked: 2, broken: 0, failures: [], notes: [] });
    expect([...report.accepted.keys()]).toEqual(['ledger', 'rows']);
  });

  it('names the source node, the example and the sink with the path it refuses', async () => {
    const report = await check(ordersFlow('{ "order_id": id, "amount": amount }'));
    expect(report.broken).toBe(2);
    expect(report.failures[0]).toEqual({ nodeId: 'orders', subject: 'example 1', message: 'the flow sends "ledger" what its contract refuses: $.orderId: is missing (required)' });
  });
});

describe('flowPacts', () => {
  it('writes a Pact for the http sink and a note for the sqlite sink, in the order of the report', async () => {
    const document = ordersFlow();
    const entries = flowPacts(document, await check(document));
    expect(entries.map((e) => [e.kind, e.sinkId])).toEqual([['pact', 'ledger'], ['note', 'rows']]);
    const [pact, note] = entries;
    expect(pact).toMatchObject({ fileName: 'orders-ledger.json', pact: { consumer: { name: 'orders' }, provider: { name: 'ledger.example.com' } } });
    expect(pact?.kind === 'pact' && pact.pact.interactions.map((i) => i.description)).toEqual(['orders example 1, as the flow maps it', 'orders example 2, as the flow maps it']);
    expect(note).toMatchObject({ note: 'no Pact file for "rows": Pact describes HTTP interactions and this is a sqlite sink' });
  });
});
