import type { MetricsSnapshot, NodeCounters, StatsBucket } from '../runtime-api.js';
import type { MessageHooks } from '../engine/message-hooks.js';
import { FLOW_ROLLUP_NODE, type RollupDelta, type RuntimeStore } from '../store/store-types.js';
import { bucketOf, emptyBuckets, quantile, summarize } from './latency-histogram.js';

interface Tally {
  received: number;
  delivered: number;
  failed: number;
  deadLettered: number;
  latencyCount: number;
  latencySumMs: number;
  buckets: number[];
}

const tally = (): Tally => ({ received: 0, delivered: 0, failed: 0, deadLettered: 0, latencyCount: 0, latencySumMs: 0, buckets: emptyBuckets() });
const MINUTE = 60_000;

/**
 * Counters and latency histograms per flow and per node: totals since start (snapshot, for Prometheus) and
 * per-minute rollups written to the store (series, for the UI charts). Node figures: received = messages that
 * reached the node, delivered = passed it, failed = failed attempts, deadLettered = ended there.
 * Flow figures: received, delivered, dead-lettered messages; latency end to end.
 */
export class MetricsCollector implements MessageHooks {
  private readonly totals = new Map<string, Map<string, Tally>>();
  private pending = new Map<string, { minute: number; flowId: string; nodeId: string; t: Tally }>();
  /** The current minute's rows by flow and node, so the hot path does not build a key string per count. */
  private current = new Map<string, Map<string, { total: Tally; minuteTally: Tally; minute: number }>>();
  private readonly driftCounts = new Map<string, number>();

  constructor(private readonly store: RuntimeStore, private readonly now: () => number = Date.now) {}

  received(m: { flowId: string; resumed?: boolean; replayOf?: string }) {
    if (m.resumed || m.replayOf) return;
    const s = this.slot(m.flowId, FLOW_ROLLUP_NODE);
    s.total.received++;
    s.minuteTally.received++;
  }
  nodeDone(m: { flowId: string }, nodeId: string, _i: unknown, _o: unknown, _s: number, durationMs: number) {
    const s = this.slot(m.flowId, nodeId);
    passed(s.total, durationMs);
    passed(s.minuteTally, durationMs);
  }
  nodeFailed(m: { flowId: string }, nodeId: string, _i: unknown, _f: unknown, _s: number, durationMs: number, attempts: number) {
    const s = this.slot(m.flowId, nodeId);
    failedAt(s.total, durationMs, attempts);
    failedAt(s.minuteTally, durationMs, attempts);
  }
  deadLettered(m: { flowId: string }, nodeId: string) {
    const s = this.slot(m.flowId, nodeId);
    s.total.deadLettered++;
    s.minuteTally.deadLettered++;
  }
  drift(m: { flowId: string }) {
    this.driftCounts.set(m.flowId, (this.driftCounts.get(m.flowId) ?? 0) + 1);
  }
  completed(m: { flowId: string }, status: 'delivered' | 'dead-lettered', durationMs: number) {
    const s = this.slot(m.flowId, FLOW_ROLLUP_NODE);
    left(s.total, status, durationMs);
    left(s.minuteTally, status, durationMs);
  }

  /** Writes the per-minute rollups gathered since the last flush (call inside a write batch). */
  flush(dlqDepths: Record<string, number>): void {
    const rows = this.pending;
    this.pending = new Map();
    this.current = new Map();
    for (const { minute, flowId, nodeId, t } of rows.values()) {
      const delta: RollupDelta = {
        minute, flowId, nodeId, received: t.received, delivered: t.delivered, failed: t.failed, deadLettered: t.deadLettered,
        latencyCount: t.latencyCount, latencySumMs: t.latencySumMs, buckets: t.buckets,
        ...(nodeId === FLOW_ROLLUP_NODE ? { dlqDepth: dlqDepths[flowId] ?? 0 } : {}),
      };
      this.store.rollups.add(delta);
    }
  }

  snapshot(dlqDepths: Record<string, number>): MetricsSnapshot {
    const nodes: Record<string, Record<string, NodeCounters & { latencyMs: ReturnType<typeof summarize> }>> = {};
    const flows: Record<string, NodeCounters & { dlqDepth: number; driftEvents: number }> = {};
    for (const [flowId, byNode] of this.totals) {
      for (const [nodeId, t] of byNode) {
        const counters = { received: t.received, delivered: t.delivered, failed: t.failed, deadLettered: t.deadLettered };
        if (nodeId === FLOW_ROLLUP_NODE) {
          flows[flowId] = { ...counters, dlqDepth: dlqDepths[flowId] ?? 0, driftEvents: this.driftCounts.get(flowId) ?? 0 };
        } else {
          (nodes[flowId] ??= {})[nodeId] = { ...counters, latencyMs: summarize(t.buckets, t.latencyCount, t.latencySumMs) };
        }
      }
    }
    for (const [flowId, depth] of Object.entries(dlqDepths)) {
      flows[flowId] ??= { received: 0, delivered: 0, failed: 0, deadLettered: 0, dlqDepth: depth, driftEvents: this.driftCounts.get(flowId) ?? 0 };
    }
    return { nodes, flows };
  }

  /** Time buckets for a flow over the last `windowMs`, from the stored per-minute rollups. */
  series(flowId: string, windowMs: number, bucketMs: number): StatsBucket[] {
    const size = Math.max(MINUTE, Math.round(bucketMs / MINUTE) * MINUTE);
    const end = Math.floor(this.now() / size) * size + size;
    const start = end - Math.max(size, Math.ceil(windowMs / size) * size);
    const rows = this.store.rollups.range(flowId, FLOW_ROLLUP_NODE, start / MINUTE, end / MINUTE);
    const out: StatsBucket[] = [];
    let depth = 0;
    for (let at = start; at < end; at += size) {
      const inBucket = rows.filter((r) => r.minute * MINUTE >= at && r.minute * MINUTE < at + size);
      const buckets = emptyBuckets();
      let received = 0;
      let delivered = 0;
      let deadLettered = 0;
      for (const r of inBucket) {
        received += r.received;
        delivered += r.delivered;
        deadLettered += r.deadLettered;
        r.buckets.forEach((n, i) => (buckets[i] = (buckets[i] ?? 0) + n));
        if (r.dlqDepth !== undefined) depth = r.dlqDepth;
      }
      const finished = delivered + deadLettered;
      out.push({
        at: new Date(at).toISOString(), received, delivered, deadLettered,
        errorRate: finished ? Math.round((deadLettered / finished) * 10_000) / 10_000 : 0,
        p50: quantile(buckets, 0.5), p95: quantile(buckets, 0.95), p99: quantile(buckets, 0.99), dlqDepth: depth,
      });
    }
    return out;
  }

  /** The totals and the current minute's tally of a flow's node: both are counted, with no callback per count. */
  private slot(flowId: string, nodeId: string): { total: Tally; minuteTally: Tally } {
    const minute = Math.floor(this.now() / MINUTE);
    let byNode = this.current.get(flowId);
    if (!byNode) this.current.set(flowId, (byNode = new Map()));
    let slot = byNode.get(nodeId);
    if (!slot || slot.minute !== minute) {
      let totals = this.totals.get(flowId);
      if (!totals) this.totals.set(flowId, (totals = new Map()));
      let total = totals.get(nodeId);
      if (!total) totals.set(nodeId, (total = tally()));
      const key = pendingKey(minute, flowId, nodeId);
      let row = this.pending.get(key);
      if (!row) this.pending.set(key, (row = { minute, flowId, nodeId, t: tally() }));
      byNode.set(nodeId, (slot = { total, minuteTally: row.t, minute }));
    }
    return slot;
  }
}

const pendingKey = (minute: number, flowId: string, nodeId: string) => `${minute}\u0000${flowId}\u0000${nodeId}`;

function passed(t: Tally, ms: number) {
  t.received++;
  t.delivered++;
  observe(t, ms);
}

function failedAt(t: Tally, ms: number, attempts: number) {
  t.received++;
  t.failed += Math.max(1, attempts);
  observe(t, ms);
}

function left(t: Tally, status: 'delivered' | 'dead-lettered', ms: number) {
  if (status === 'delivered') t.delivered++;
  else {
    t.deadLettered++;
    t.failed++;
  }
  observe(t, ms);
}

function observe(t: Tally, ms: number) {
  t.latencyCount++;
  t.latencySumMs += ms;
  t.buckets[bucketOf(ms)]!++;
}
