import type { DriftEvent } from '../runtime-api.js';
import type { SqliteDatabase } from './sqlite-store.js';
import type { DriftStore } from './store-types.js';

interface DriftRow {
  flow_id: string;
  node_id: string;
  field: string;
  expected: string;
  seen: string;
  sample: string | null;
  count: number;
  first_seen_at: string;
  last_seen_at: string;
}

export function createSqliteDrift(db: SqliteDatabase): DriftStore {
  // The first sample is kept: it shows what the new shape looked like when it first appeared.
  const record = db.prepare(`INSERT INTO drift_events (flow_id, node_id, field, expected, seen, sample, count, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(flow_id, node_id, field, seen) DO UPDATE SET count = count + excluded.count, last_seen_at = excluded.last_seen_at`);
  const all = db.prepare('SELECT * FROM drift_events ORDER BY last_seen_at DESC');
  const ofFlow = db.prepare('SELECT * FROM drift_events WHERE flow_id = ? ORDER BY last_seen_at DESC');
  const toEvent = (r: DriftRow): DriftEvent => ({
    flowId: r.flow_id,
    nodeId: r.node_id,
    field: r.field,
    expected: r.expected,
    seen: r.seen,
    sample: r.sample === null ? undefined : (JSON.parse(r.sample) as unknown),
    count: r.count,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  });
  return {
    record: (o) => {
      record.run(o.flowId, o.nodeId, o.field, o.expected, o.seen, o.sample === undefined ? null : JSON.stringify(o.sample), o.count, o.at, o.at);
    },
    list: (flowId) => ((flowId === undefined ? all.all() : ofFlow.all(flowId)) as DriftRow[]).map(toEvent),
  };
}
