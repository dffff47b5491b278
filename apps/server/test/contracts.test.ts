import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startSink, startTestServer, tempDirs, type Sink, type TestDirs } from './helpers.js';

interface ContractReport {
  flowId: string;
  etag: string;
  checkedAt: string;
  checked: number;
  broken: number;
  failures: { nodeId: string; subject: string; message: string }[];
  notes: string[];
}
interface ErrorAnswer { error: { kind: string; message: string; problems?: { at: string; message: string }[] } }

let dirs: TestDirs;
let server: RunningServer;
let sink: Sink;

/** orders (webhook) → to-entry (JSONata) → ledger (http, a real local sink) and rows (sqlite), with contracts. */
function ledgerFlow(expression = '{ "orderId": id, "amount": amount, "currency": $uppercase(currency) }'): Record<string, unknown> {
  return {
    formatVersion: 2, id: 'ledger', name: 'Orders to ledger',
    nodes: [
      { id: 'orders', type: 'webhook' },
      { id: 'to-entry', type: 'jsonata', config: { expression } },
      { id: 'ledger-api', type: 'http', label: 'Ledger API', config: { url: sink.url, headers: { Authorization: 'Bearer {{secret.LEDGER}}' } } },
      { id: 'rows', type: 'sqlite', config: { table: 'entries' } },
    ],
    edges: [{ from: 'orders', to: 'to-entry' }, { from: 'to-entry', to: 'ledger-api' }, { from: 'to-entry', to: 'rows' }],
    contracts: {
      orders: { schema: { type: 'object', required: ['id', 'amount', 'currency'] }, examples: [{ id: 'A-1', amount: 12.5, currency: 'eur' }, { id: 'A-2', amount: 3, currency: 'usd' }] },
      'ledger-api': {
        schema: { type: 'object', required: ['orderId', 'amount', 'currency'], properties: { currency: { type: 'string', pattern: '^[A-Z]{3}$' } } },
        examples: [{ orderId: 'A-1', amount: 12.5, currency: 'EUR' }],
      },
      rows: { schema: { type: 'object' }, examples: [] },
    },
  };
}

beforeAll(async () => {
  dirs = tempDirs();
  sink = await startSink();
  server = await startTestServer(dirs);
  expect((await api(server, 'POST', '/api/flows', { body: ledgerFlow() })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('GET /api/flows/:id/contracts', () => {
  it('reports every message checked and all passing, for the version on disk, without calling a sink or recording a run', async () => {
    const saved = await api<{ etag: string }>(server, 'GET', '/api/flows/ledger');
    const before = Date.now();
    const answer = await api<ContractReport>(server, 'GET', '/api/flows/ledger/contracts');
    expect(answer.status).toBe(200);
    // 2 source examples (each reaching both sinks, counted once) + the ledger's own example
    expect(answer.body).toMatchObject({ flowId: 'ledger', etag: saved.body.etag, checked: 3, broken: 0, failures: [], notes: [] });
    expect(Date.parse(answer.body.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(sink.received).toHaveLength(0);
    expect((await api<{ total: number }>(server, 'GET', '/api/runs?flowId=ledger')).body.total).toBe(0);
  });

  it('names the node and the example of each broken message once the file on disk breaks the sink contract', async () => {
    const file = join(dirs.flowsDir, 'ledger.json');
    const broken = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // Someone edits the mapping in git: the currency is no longer upper-cased.
    (broken.nodes as { id: string; config?: Record<string, unknown> }[])[1]!.config = { expression: '{ "orderId": id, "amount": amount, "currency": currency }' };
    writeFileSync(file, JSON.stringify(broken, null, 2));
    const answer = await api<ContractReport>(server, 'GET', '/api/flows/ledger/contracts');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ checked: 3, broken: 2 });
    expect(answer.body.failures).toEqual([
      { nodeId: 'orders', subject: 'example 1', message: 'the flow sends "ledger-api" what its contract refuses: $.currency: must match pattern "^[A-Z]{3}$"' },
      { nodeId: 'orders', subject: 'example 2', message: 'the flow sends "ledger-api" what its contract refuses: $.currency: must match pattern "^[A-Z]{3}$"' },
    ]);
    expect(answer.body.etag).toBe((await api<{ etag: string }>(server, 'GET', '/api/flows/ledger')).body.etag);
    expect((await api(server, 'PUT', '/api/flows/ledger', { body: ledgerFlow() })).status).toBe(200);
  });

  it('reports a flow without contracts as nothing to check', async () => {
    const plain = { formatVersion: 2, id: 'plain', name: 'Plain', nodes: [{ id: 'in', type: 'webhook' }, { id: 'out', type: 'log' }], edges: [{ from: 'in', to: 'out' }] };
    await api(server, 'POST', '/api/flows', { body: plain });
    const answer = await api<ContractReport>(server, 'GET', '/api/flows/plain/contracts');
    expect(answer.body).toMatchObject({ checked: 0, broken: 0, failures: [], notes: ['no contracts: nothing to check'] });
  });

  it('passes the example flows shipped in flows/', async () => {
    for (const id of ['crm-to-billing', 'orders-ndjson']) {
      copyFileSync(join(import.meta.dirname, '..', '..', '..', 'flows', `${id}.json`), join(dirs.flowsDir, `${id}.json`));
      const answer = await api<ContractReport>(server, 'GET', `/api/flows/${id}/contracts`);
      expect(answer.status).toBe(200);
      expect(answer.body.broken).toBe(0);
      expect(answer.body.checked).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an unknown flow, 400 for a malformed id and 422 naming the problems of a file that does not load', async () => {
    const missing = await api<ErrorAnswer>(server, 'GET', '/api/flows/nope/contracts');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ kind: 'not-found', message: 'no flow "nope" in the flows folder' });
    expect((await api<ErrorAnswer>(server, 'GET', '/api/flows/.x/contracts')).body.error.kind).toBe('request');

    writeFileSync(join(dirs.flowsDir, 'garbled.json'), '{ "formatVersion": 2, "id": "garbled", ');
    const garbled = await api<ErrorAnswer>(server, 'GET', '/api/flows/garbled/contracts');
    expect(garbled.status).toBe(422);
    expect(garbled.body.error.kind).toBe('flow');
    expect(garbled.body.error.message).toMatch(/^flow "garbled" has 1 problem, so its contracts cannot be checked: \$: not valid JSON/);
    expect(garbled.body.error.problems?.[0]?.at).toBe('$');

    const unconnected = { ...ledgerFlow(), id: 'unconnected', edges: [] };
    writeFileSync(join(dirs.flowsDir, 'unconnected.json'), JSON.stringify(unconnected));
    const graph = await api<ErrorAnswer>(server, 'GET', '/api/flows/unconnected/pact');
    expect(graph.status).toBe(422);
    expect(graph.body.error.problems?.length).toBeGreaterThan(0);
  });
});

describe('GET /api/flows/:id/pact', () => {
  it('answers the Pact v3 files seam test --pact would write: the http sink only, without secret headers', async () => {
    const answer = await api<{ fileName: string; pact: { consumer: { name: string }; provider: { name: string }; interactions: { description: string; request: Record<string, unknown> }[]; metadata: unknown } }[]>(server, 'GET', '/api/flows/ledger/pact');
    expect(answer.status).toBe(200);
    expect(answer.body.map((p) => p.fileName)).toEqual(['ledger-ledger-api.json']);
    const pact = answer.body[0]!.pact;
    // The sink is on 127.0.0.1: the provider is named after its label.
    expect(pact).toMatchObject({ consumer: { name: 'ledger' }, provider: { name: 'Ledger API' }, metadata: { pactSpecification: { version: '3.0.0' } } });
    expect(pact.interactions.map((i) => i.description)).toEqual(['ledger-api example 1', 'orders example 2, as the flow maps it']);
    expect(pact.interactions[1]?.request).toEqual({ method: 'POST', path: '/in', headers: { 'Content-Type': 'application/json' }, body: { orderId: 'A-2', amount: 3, currency: 'USD' } });
  });

  it('answers an empty list for a flow with no http sink contract, and 404 for an unknown flow', async () => {
    expect((await api(server, 'GET', '/api/flows/plain/pact')).body).toEqual([]);
    expect((await api(server, 'GET', '/api/flows/nope/pact')).status).toBe(404);
  });
});
