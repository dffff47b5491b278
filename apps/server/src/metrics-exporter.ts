import type { RequestHandler } from 'express';
import type { BreakerState, Runtime, RuntimeEvent } from '@seam/runtime';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ContractStatus } from './contract-status.js';

const BREAKER_VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, 'half-open': 1, open: 2 };
const OUTCOMES = ['received', 'delivered', 'failed', 'deadLettered'] as const;
const OUTCOME_LABEL: Readonly<Record<(typeof OUTCOMES)[number], string>> = {
  received: 'received', delivered: 'delivered', failed: 'failed', deadLettered: 'dead_lettered',
};
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Prometheus metrics on a registry of its own (not prom-client's global one, so that several servers in one
 * process — tests — do not collide). Counters and gauges are read from the runtime at scrape time; latency
 * histograms are fed by the runtime's live events since this process started, as Prometheus expects.
 */
export class MetricsExporter {
  readonly registry = new Registry();
  private readonly webhookRequests: Counter;
  private readonly nodeDuration: Histogram;
  private readonly messageDuration: Histogram;

  constructor(runtime: Runtime, flowIds: () => readonly string[], contractStatus?: (flowId: string) => Promise<ContractStatus>) {
    const registers = [this.registry];
    const snapshot = () => runtime.metrics.snapshot();
    const allFlows = () => [...new Set([...flowIds(), ...runtime.deployedFlowIds(), ...Object.keys(snapshot().flows)])];

    new Counter({
      name: 'seam_flow_messages_total', help: 'Messages per flow by outcome (received, delivered, failed, dead_lettered).',
      labelNames: ['flow', 'outcome'], registers,
      collect() {
        this.reset();
        for (const [flow, c] of Object.entries(snapshot().flows)) {
          for (const o of OUTCOMES) this.inc({ flow, outcome: OUTCOME_LABEL[o] }, c[o]);
        }
      },
    });
    new Counter({
      name: 'seam_node_messages_total', help: 'Messages per node by outcome (received, delivered, failed, dead_lettered).',
      labelNames: ['flow', 'node', 'outcome'], registers,
      collect() {
        this.reset();
        for (const [flow, nodes] of Object.entries(snapshot().nodes)) {
          for (const [node, c] of Object.entries(nodes)) {
            for (const o of OUTCOMES) this.inc({ flow, node, outcome: OUTCOME_LABEL[o] }, c[o]);
          }
        }
      },
    });
    new Gauge({
      name: 'seam_node_latency_ms', help: 'Node latency quantiles in milliseconds as kept by the runtime.',
      labelNames: ['flow', 'node', 'quantile'], registers,
      collect() {
        this.reset();
        for (const [flow, nodes] of Object.entries(snapshot().nodes)) {
          for (const [node, { latencyMs }] of Object.entries(nodes)) {
            if (latencyMs.count === 0) continue;
            this.set({ flow, node, quantile: '0.5' }, latencyMs.p50);
            this.set({ flow, node, quantile: '0.95' }, latencyMs.p95);
            this.set({ flow, node, quantile: '0.99' }, latencyMs.p99);
          }
        }
      },
    });
    new Counter({
      name: 'seam_drift_events_total', help: 'Format drift events seen by validate nodes, per flow.',
      labelNames: ['flow'], registers,
      collect() {
        this.reset();
        for (const [flow, c] of Object.entries(snapshot().flows)) this.inc({ flow }, c.driftEvents);
      },
    });
    new Gauge({
      name: 'seam_dlq_depth', help: 'Pending dead letters per flow.', labelNames: ['flow'], registers,
      collect() {
        this.reset();
        for (const flow of allFlows()) this.set({ flow }, runtime.deadLetters.depth(flow));
      },
    });
    new Gauge({
      name: 'seam_flow_state', help: '1 for the current state of each flow (running, stopped, failing).',
      labelNames: ['flow', 'state'], registers,
      collect() {
        this.reset();
        for (const flow of allFlows()) this.set({ flow, state: runtime.flowStatus(flow).state }, 1);
      },
    });
    new Gauge({
      name: 'seam_breaker_state', help: 'Circuit breaker per sink: 0 closed, 1 half-open, 2 open.',
      labelNames: ['flow', 'node'], registers,
      collect() {
        this.reset();
        for (const flow of runtime.deployedFlowIds()) {
          for (const [node, state] of Object.entries(runtime.flowStatus(flow).breakers)) this.set({ flow, node }, BREAKER_VALUE[state]);
        }
      },
    });
    if (contractStatus) {
      new Gauge({
        name: 'seam_contract_messages', help: 'Contract test per flow file (seam test): messages checked, and how many break a contract.',
        labelNames: ['flow', 'result'], registers,
        async collect() {
          this.reset();
          for (const flow of flowIds()) {
            const status = await contractStatus(flow);
            if ('uncheckable' in status) continue;
            this.set({ flow, result: 'checked' }, status.checked);
            this.set({ flow, result: 'broken' }, status.broken);
          }
        },
      });
      new Gauge({
        name: 'seam_contract_uncheckable', help: '1 for a flow file whose contracts cannot be checked (it does not load or cannot be test-run).',
        labelNames: ['flow'], registers,
        async collect() {
          this.reset();
          for (const flow of flowIds()) this.set({ flow }, 'uncheckable' in (await contractStatus(flow)) ? 1 : 0);
        },
      });
    }
    this.webhookRequests = new Counter({
      name: 'seam_webhook_requests_total', help: 'Webhook requests answered, by HTTP status code.',
      labelNames: ['flow', 'node', 'code'], registers,
    });
    this.nodeDuration = new Histogram({
      name: 'seam_node_duration_seconds', help: 'Time a node took per message (each attempt), by outcome.',
      labelNames: ['flow', 'node', 'outcome'], buckets: LATENCY_BUCKETS, registers,
    });
    this.messageDuration = new Histogram({
      name: 'seam_message_duration_seconds', help: 'Time from receipt to a message\'s final status.',
      labelNames: ['flow', 'status'], buckets: LATENCY_BUCKETS, registers,
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'seam_' });
  }

  /** Feeds the histograms; subscribed to the runtime's events. */
  observe(event: RuntimeEvent): void {
    if (event.type === 'node') {
      this.nodeDuration.observe({ flow: event.flowId, node: event.nodeId, outcome: event.outcome }, event.durationMs / 1000);
    } else if (event.type === 'message' && event.durationMs !== undefined && event.status !== 'in-flight') {
      this.messageDuration.observe({ flow: event.flowId, status: event.status }, event.durationMs / 1000);
    }
  }

  countWebhook(flow: string, node: string, status: number): void {
    this.webhookRequests.inc({ flow, node, code: String(status) });
  }

  readonly handler: RequestHandler = async (_req, res) => {
    res.set('Content-Type', this.registry.contentType).send(await this.registry.metrics());
  };
}
