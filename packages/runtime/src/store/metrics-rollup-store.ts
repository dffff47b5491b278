import type { SqliteDatabase } from './sqlite-store.js';
import type { MetricsRollupStore, RollupDelta } from './store-types.js';

interface RollupRow {
  flow_id: string;
  node_id: string;
  minute: number;
  received: number;
  delivered: number;
  failed: number;
  dead_lettered: number;
  latency_count: number;
  latency_sum: number;
  buckets: string;
  dlq_depth: number | null;
}

export function createSqliteRollups(db: SqliteDatabase): MetricsRollupStore {
  const get = db.prepare('SELECT * FROM metric_rollups WHERE flow_id = ? AND node_id = ? AND minute = ?');
  const put = db.prepare(`INSERT OR REPLACE INTO metric_rollups
    (flow_id, node_id, minute, received, delivered, failed, dead_lettered, latency_count, latency_sum, buckets, dlq_depth)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const range = db.prepare(
    'SELECT * FROM metric_rollups WHERE flow_id = ? AND node_id = ? AND minute >= ? AND minute <= ? ORDER BY minute',
  );
  const prune = db.prepare('DELETE FROM metric_rollups WHERE minute < ?');
  const toDelta = (r: RollupRow): RollupDelta => ({
    minute: r.minute,
    flowId: r.flow_id,
    nodeId: r.node_id,
    received: r.received,
    delivered: r.delivered,
    failed: r.failed,
    deadLettered: r.dead_lettered,
    latencyCount: r.latency_count,
    latencySumMs: r.latency_sum,
    buckets: JSON.parse(r.buckets) as number[],
    ...(r.dlq_depth !== null ? { dlqDepth: r.dlq_depth } : {}),
  });
  return {
    add: (d) => {
      // Read-merge-write: a flush touches a handful of rows, and histogram buckets are easier to add in JS.
      const row = get.get(d.flowId, d.nodeId, d.minute) as RollupRow | undefined;
      const old = row ? toDelta(row) : undefined;
      const buckets = d.buckets.map((n, i) => n + (old?.buckets[i] ?? 0));
      put.run(d.flowId, d.nodeId, d.minute, d.received + (old?.received ?? 0), d.delivered + (old?.delivered ?? 0),
        d.failed + (old?.failed ?? 0), d.deadLettered + (old?.deadLettered ?? 0), d.latencyCount + (old?.latencyCount ?? 0),
        d.latencySumMs + (old?.latencySumMs ?? 0), JSON.stringify(buckets), d.dlqDepth ?? old?.dlqDepth ?? null);
    },
    range: (flowId, nodeId, from, to) => (range.all(flowId, nodeId, from, to) as RollupRow[]).map(toDelta),
    prune: (before) => {
      prune.run(before);
    },
  };
}
