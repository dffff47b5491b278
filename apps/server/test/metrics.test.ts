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
});
