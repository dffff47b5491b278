import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadCrmFlow } from '../crm/crm-flow.js';
import { crmOrderEvent } from '../crm/crm-records.js';
import { dataDir } from '../lib/paths.js';
import { ratioOf, rowOf, type Row } from '../lib/figure.js';
import { formatNumber, formatRatio } from '../lib/format.js';
import { runRounds, type Contender, type ContenderRuns } from '../lib/rounds.js';
import type { BenchPart } from '../lib/part.js';
import { startSinkServer } from '../webhook/sink-server.js';
import { loadService, type LoadSettings, type WebhookRun } from '../webhook/webhook-load.js';
import type { Service } from '../webhook/service.js';
import { startExpressService, startSeamService } from '../webhook/worker-services.js';
import { assertDeliversSameInvoice } from '../webhook/delivery-check.js';
import { ensureNodeRed } from '../webhook/node-red/install-node-red.js';
import { startNodeRed } from '../webhook/node-red/start-node-red.js';

const title = '3. Webhook ingress: POST → jsonata → validate → http sink, under autocannon';

interface Target {
  readonly label: string;
  readonly sinkPath: string;
  readonly start: (sinkUrl: string) => Promise<Service>;
}

export const webhookPart: BenchPart = {
  figures: [{ id: 'webhook', title }],
  async run(ctx) {
    const { options } = ctx;
    const crm = loadCrmFlow();
    mkdirSync(dataDir, { recursive: true });
    const bodiesFile = path.join(dataDir, 'webhook-bodies.json');
    const bodies = Array.from({ length: 1000 }, (_, i) => JSON.stringify(crmOrderEvent(i)));
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const probe = bodies[0]!;
    const settings: LoadSettings = { bodiesFile, seconds: options.webhookSeconds, connections: options.webhookConnections, maxDrainMs: 60_000 };
    let nodeRedVersion = '4';
    const targets: Target[] = [
      { label: 'Seam', sinkPath: '/seam', start: (sinkUrl) => startSeamService(crm, sinkUrl, probe) },
      {
        label: 'Node-RED',
        sinkPath: '/node-red',
        start: async (sinkUrl) => {
          const { redJs, version } = await ensureNodeRed(ctx.progress);
          nodeRedVersion = version;
          return startNodeRed(redJs, path.join(dataDir, 'node-red'), crm.expression, crm.schema, sinkUrl, probe);
        },
      },
      { label: 'Express (hand-written)', sinkPath: '/express', start: (sinkUrl) => startExpressService(crm, sinkUrl, probe) },
    ];

    const sink = await startSinkServer();
    const services: Service[] = [];
    try {
      const contenders: Contender<WebhookRun>[] = [];
      for (const target of targets) {
        try {
          ctx.progress(`webhook: starting ${target.label}`);
          const service = await target.start(`${sink.url}${target.sinkPath}`);
          services.push(service);
          // Seconds since epoch: the event whose createdAt needs the coercion, the hardest case to get the same.
          await assertDeliversSameInvoice(service, sink, target.sinkPath, { ...crmOrderEvent(7), order: { ...crmOrderEvent(7).order, createdAt: 1763631065 } });
          // A short unrecorded load first: JIT warm-up and connection set-up are not what the figure is about.
          await loadService(service, sink, target.sinkPath, { ...settings, seconds: 1 });
          contenders.push({ label: target.label, measure: () => loadService(service, sink, target.sinkPath, settings) });
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          ctx.progress(`webhook: ${target.label} not measured: ${reason}`);
          contenders.push({ label: target.label, missing: reason });
        }
      }
      ctx.progress(`webhook: ${options.runs} rounds of ${options.webhookSeconds} s × ${options.webhookConnections} connections`);
      const runs = await runRounds(contenders, options.runs, ctx.progress, options.partBudgetSeconds);
      return [figureFrom(runs, options.webhookSeconds, options.webhookConnections, nodeRedVersion)];
    } finally {
      for (const service of services) await service.stop();
      await sink.close();
    }
  },
};

function figureFrom(runs: ContenderRuns<WebhookRun>[], seconds: number, connections: number, nodeRedVersion: string) {
  const [seam, nodeRed, express] = runs as [ContenderRuns<WebhookRun>, ContenderRuns<WebhookRun>, ContenderRuns<WebhookRun>];
  const rowsFor = (r: ContenderRuns<WebhookRun>, answer: string): Row[] => [
    rowOf(r, 'requests/s', (x) => x.requestsPerSecond, `${r.label}: requests/s`, answer),
    rowOf(r, 'ms', (x) => x.p50, `${r.label}: latency p50`),
    rowOf(r, 'ms', (x) => x.p99, `${r.label}: latency p99`),
    rowOf(r, 'deliveries/s', (x) => x.deliveriesPerSecondDuringLoad, `${r.label}: deliveries/s at the sink during the load`),
    rowOf(r, 'deliveries/s', (x) => x.deliveriesPerSecondEndToEnd, `${r.label}: deliveries/s end to end`, 'until the last accepted event arrived'),
  ];
  const seamRows = rowsFor(seam, '202 once stored, delivers after');
  const nodeRedRows = rowsFor(nodeRed, 'answers after delivering');
  const expressRows = rowsFor(express, 'answers after delivering');
  const ratios = [
    ratioOf('Seam / Node-RED, requests/s', seamRows[0], nodeRedRows[0]),
    ratioOf('Seam / Node-RED, deliveries/s end to end', seamRows[4], nodeRedRows[4]),
    ratioOf('Seam / Express, requests/s', seamRows[0], expressRows[0]),
    ratioOf('Seam / Express, deliveries/s end to end', seamRows[4], expressRows[4]),
  ];
  const tallyNotes = runs
    .filter((r) => r.results.length > 0)
    .map((r) => {
      const sum = (f: (x: WebhookRun) => number) => r.results.reduce((a, x) => a + f(x), 0);
      const drain = Math.max(...r.results.map((x) => x.drainSeconds));
      return `${r.label}: ${sum((x) => x.accepted)} requests answered 2xx, ${sum((x) => x.failedRequests)} failed (non-2xx, errors, timeouts), ${sum((x) => x.delivered)} invoices arrived at the sink, ${sum((x) => x.malformed)} malformed; longest drain after the load ${drain.toFixed(1)} s.`;
    });
  const med = (row: Row | undefined) => formatNumber(row?.summary?.median ?? Number.NaN);
  return {
    id: 'webhook',
    title,
    status: 'measured' as const,
    rows: [...seamRows, ...nodeRedRows, ...expressRows],
    ratios,
    notes: [
      `Each run: autocannon in its own process, ${connections} connections for ${seconds} s on 127.0.0.1, cycling 1,000 distinct CRM events; a 1 s unrecorded warm-up per server first. The sink (the "billing API", in the bench's own process) counts invoices as they arrive.`,
      `Seam: its server with crm-to-billing deployed unchanged but for the billing URL (retry policy and all, durable inbox on). Node-RED ${nodeRedVersion} from bench/.peers: http in → change (the same JSONata on msg.payload) → function (same coercion, ajv 2020-12 compiled on start) → http request (keep-alive) → http response. Express: the hand-written mapping, ajv, node:http keep-alive POST to the sink, answering after delivery; not durable. Seam's http sink also posts through a keep-alive node:http agent. Arrivals may exceed 2xx answers by up to the connection count: requests in flight when autocannon stops are delivered but not counted as answered.`,
      ...tallyNotes,
      ...runs.filter((r) => r.failure).map((r) => `${r.label} not measured: ${r.failure}`),
    ],
    summary:
      `webhook: Seam ${med(seamRows[0])} req/s (p99 ${med(seamRows[2])} ms), ${med(seamRows[4])} deliveries/s; Node-RED ${med(nodeRedRows[0])} req/s, ${med(nodeRedRows[4])} deliveries/s; ` +
      `Express ${med(expressRows[0])} req/s → Seam/Node-RED ${formatRatio(ratios[0]!.value)} req/s, ${formatRatio(ratios[1]!.value)} deliveries; Seam/Express ${formatRatio(ratios[2]!.value)} req/s, ${formatRatio(ratios[3]!.value)} deliveries`,
  };
}
