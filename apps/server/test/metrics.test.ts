import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startSink, startTestServer, tempDirs, waitFor, webhookToHttpFlow, type Sink, type TestDirs } from './helpers.js';
import { parsePrometheusText, sampleValue } from './prometheus-text.js';

let dirs: TestDirs;
let server: RunningServer;
let sink: Sink;

beforeAll(async () => {
  dirs = tempDirs();
  sink = await startSink((body) => ((body as { n: number }).n % 4 === 0 ? 400 : 200));
  server = await startTestServer(dirs);
  await api(server, 'POST', '/api/flows', { body: webhookToHttpFlow('measured', sink.url) });
  expect((await api(server, 'POST', '/api/flows/measured/deploy')).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  dirs?.remove();
});

describe('/metrics', () => {
  it('parses as Prometheus text and its counters match what was sent', async () => {
    const sent = 8; // n = 4 and n = 8 are refused by the sink (400: not retryable) and dead-lettered
    for (let n = 1; n <= sent; n++) {
      expect((await api(server, 'POST', '/hooks/measured/in', { body: { n }, token: null })).status).toBe(202);
    }
    expect((await api(server, 'POST', '/hooks/measured/in', { rawBody: '{', token: null })).status).toBe(400);
    await waitFor('6 deliveries and 2 dead letters', async () => {
      const dl = await api<{ total: number }>(server, 'GET', '/api/dead-letters?flowId=measured');
      return sink.received.length === 6 && dl.body.total === 2;
    });

    const answer = await api<string>(server, 'GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    const samples = parsePrometheusText(answer.body);

    expect(sampleValue(samples, 'seam_webhook_requests_total', { flow: 'measured', node: 'in', code: '202' })).toBe(sent);
    expect(sampleValue(samples, 'seam_webhook_requests_total', { flow: 'measured', node: 'in', code: '400' })).toBe(1);
    expect(sampleValue(samples, 'seam_flow_messages_total', { flow: 'measured', outcome: 'received' })).toBe(sent);
    expect(sampleValue(samples, 'seam_flow_messages_total', { flow: 'measured', outcome: 'delivered' })).toBe(6);
    expect(sampleValue(samples, 'seam_flow_messages_total', { flow: 'measured', outcome: 'dead_lettered' })).toBe(2);
    expect(sampleValue(samples, 'seam_dlq_depth', { flow: 'measured' })).toBe(2);
    expect(sampleValue(samples, 'seam_flow_state', { flow: 'measured', state: 'running' })).toBe(1);
    expect(sampleValue(samples, 'seam_node_messages_total', { flow: 'measured', node: 'out', outcome: 'delivered' })).toBe(6);
    expect(sampleValue(samples, 'seam_node_duration_seconds_count', { flow: 'measured', node: 'out', outcome: 'ok' })).toBe(6);
    expect(answer.body).toContain('# TYPE seam_breaker_state gauge');
    expect(answer.body).toContain('# TYPE seam_drift_events_total counter');
  });

  it('serves per-flow stats buckets and rejects unreadable windows', async () => {
    const stats = await api<{ buckets: { at: string; received: number }[] }>(server, 'GET', '/api/flows/measured/stats?window=10m&bucket=1m');
    expect(stats.status).toBe(200);
    expect(Array.isArray(stats.body.buckets)).toBe(true);
    const bad = await api<{ error: { problems: { at: string }[] } }>(server, 'GET', '/api/flows/measured/stats?window=forever&bucket=1ms');
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p) => p.at)).toContain('$.window');
  });

  it('exposes drift events and an open breaker', async () => {
    await api(server, 'POST', '/api/flows', { body: {
      formatVersion: 2, id: 'drifting', name: 'Drifting dates',
      nodes: [
        { id: 'in', type: 'webhook' },
        { id: 'check', type: 'json-schema', config: {
          schema: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } }, required: ['at'] },
          coercions: [{ pointer: '/at', as: 'date-time' }],
        } },
        { id: 'log', type: 'log' },
      ],
      edges: [{ from: 'in', to: 'check' }, { from: 'check', to: 'log' }],
    } });
    expect((await api(server, 'POST', '/api/flows/drifting/deploy')).status).toBe(200);
    expect((await api(server, 'POST', '/hooks/drifting/in', { body: { at: 1763631065 }, token: null })).status).toBe(202);
    const drift = await waitFor('a drift event', async () => {
      const answer = await api<{ field: string; nodeId: string; count: number }[]>(server, 'GET', '/api/flows/drifting/drift');
      return answer.body.length > 0 ? answer.body : undefined;
    });
    expect(drift[0]).toMatchObject({ nodeId: 'check' });

    const down = await startSink(() => 503);
    try {
      await api(server, 'POST', '/api/flows', { body: {
        formatVersion: 2, id: 'breaking', name: 'Breaker',
        nodes: [
          { id: 'in', type: 'webhook' },
          { id: 'retry', type: 'retry', config: { attempts: 1, initialDelayMs: 0, breaker: { failureThreshold: 1, coolDownMs: 60_000, whenOpen: 'dead-letter', maxWaitMs: 0 } } },
          { id: 'out', type: 'http', config: { url: down.url } },
        ],
        edges: [{ from: 'in', to: 'retry' }, { from: 'retry', to: 'out' }],
      } });
      expect((await api(server, 'POST', '/api/flows/breaking/deploy')).status).toBe(200);
      expect((await api(server, 'POST', '/hooks/breaking/in', { body: { n: 1 }, token: null })).status).toBe(202);
      await waitFor('the breaker to open', async () => {
        const status = await api<{ breakers: Record<string, string> }>(server, 'GET', '/api/flows/breaking/status');
        return Object.values(status.body.breakers).includes('open');
      });
      const samples = parsePrometheusText((await api<string>(server, 'GET', '/metrics')).body);
      expect(samples.find((s) => s.name === 'seam_breaker_state' && s.labels.flow === 'breaking')?.value).toBe(2);
      expect(sampleValue(samples, 'seam_drift_events_total', { flow: 'drifting' })).toBeGreaterThanOrEqual(1);
    } finally {
      await down.close();
    }
  });

  it('gives the contract-test status of each flow file, checked again when the file changes', async () => {
    const contracted = (expression: string) => ({
      formatVersion: 2, id: 'contracted', name: 'Contracted',
      nodes: [{ id: 'src', type: 'inline', config: { messages: [{ n: 1 }] } }, { id: 'map', type: 'jsonata', config: { expression } }, { id: 'out', type: 'log' }],
      edges: [{ from: 'src', to: 'map' }, { from: 'map', to: 'out' }],
      contracts: {
        src: { schema: { type: 'object' }, examples: [{ n: 1 }, { n: 2 }] },
        out: { schema: { type: 'object', required: ['total'], properties: { total: { type: 'number' } } } },
      },
    });
    expect((await api(server, 'POST', '/api/flows', { body: contracted('{ "n": n }') })).status).toBe(201);
    const scrape = async () => parsePrometheusText((await api<string>(server, 'GET', '/metrics')).body);
    let samples = await scrape();
    expect(sampleValue(samples, 'seam_contract_messages', { flow: 'contracted', result: 'checked' })).toBe(2);
    expect(sampleValue(samples, 'seam_contract_messages', { flow: 'contracted', result: 'broken' })).toBe(2);
    expect(sampleValue(samples, 'seam_contract_uncheckable', { flow: 'contracted' })).toBe(0);
    expect(sampleValue(samples, 'seam_contract_messages', { flow: 'measured', result: 'broken' })).toBe(0);

    const current = await api(server, 'GET', '/api/flows/contracted');
    const fixed = await api(server, 'PUT', '/api/flows/contracted', { body: contracted('{ "n": n, "total": n * 10 }'), headers: { 'if-match': current.headers.get('etag')! } });
    expect(fixed.status).toBe(200);
    samples = await scrape();
    expect(sampleValue(samples, 'seam_contract_messages', { flow: 'contracted', result: 'broken' })).toBe(0);

    writeFileSync(join(dirs.flowsDir, 'unreadable.json'), '{ "formatVersion": 2, ');
    samples = await scrape();
    expect(sampleValue(samples, 'seam_contract_uncheckable', { flow: 'unreadable' })).toBe(1);
  });
});
