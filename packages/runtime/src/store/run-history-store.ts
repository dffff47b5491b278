import type { MessageTrace, NodeStep, RunRecord } from '../runtime-api.js';
import type { SqliteDatabase } from './sqlite-store.js';
import type { RunHistoryStore } from './store-types.js';

interface RunRow {
  seq: number;
  run_id: string;
  flow_id: string;
  trigger: string;
  status: string;
  started_at: string;
  ended_at: string | null;
  received: number;
  delivered: number;
  dead_lettered: number;
}

interface MessageRow {
  seq: number;
  message_id: string;
  run_id: string;
  flow_id: string;
  status: string;
  received_at: number;
  steps: string;
}

const toRun = (r: RunRow): RunRecord => ({
  runId: r.run_id,
  flowId: r.flow_id,
  trigger: r.trigger as RunRecord['trigger'],
  status: r.status as RunRecord['status'],
  startedAt: r.started_at,
  ...(r.ended_at !== null ? { endedAt: r.ended_at } : {}),
  received: r.received,
  delivered: r.delivered,
  deadLettered: r.dead_lettered,
});

const toTrace = (r: MessageRow): MessageTrace => ({
  messageId: r.message_id,
  runId: r.run_id,
  flowId: r.flow_id,
  status: r.status as MessageTrace['status'],
  receivedAt: new Date(r.received_at).toISOString(),
  steps: JSON.parse(r.steps) as NodeStep[],
});

function page<R extends { seq: number }, T>(
  db: SqliteDatabase, table: string, conditions: [string, unknown][], limit: number, cursor: string | undefined, map: (r: R) => T,
) {
  const parts = conditions.map(([sql]) => sql);
  const params = conditions.map(([, v]) => v);
  const filter = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM ${table} ${filter}`).pluck().get(...params) as number;
  const before = cursor !== undefined ? Number(cursor) : Number.MAX_SAFE_INTEGER;
  const rows = db
    .prepare(`SELECT * FROM ${table} ${filter ? `${filter} AND` : 'WHERE'} seq < ? ORDER BY seq DESC LIMIT ?`)
    .all(...params, before, limit + 1) as R[];
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit).map(map), total, ...(rows.length > limit && last ? { next: String(last.seq) } : {}) };
}

export function createSqliteRunHistory(db: SqliteDatabase): RunHistoryStore {
  const start = db.prepare(
    `INSERT INTO runs (run_id, flow_id, trigger, status, started_at) VALUES (?, ?, ?, 'running', ?)
     ON CONFLICT(run_id) DO UPDATE SET status = 'running', ended_at = NULL`,
  );
  const count = db.prepare(
    'UPDATE runs SET received = received + ?, delivered = delivered + ?, dead_lettered = dead_lettered + ? WHERE run_id = ?',
  );
  const end = db.prepare('UPDATE runs SET status = ?, ended_at = ? WHERE run_id = ?');
  const orphans = db.prepare("UPDATE runs SET status = 'stopped', ended_at = ? WHERE status = 'running'");
  const addMessage = db.prepare(
    'INSERT INTO run_messages (message_id, run_id, flow_id, status, received_at, steps) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getRun = db.prepare('SELECT * FROM runs WHERE run_id = ?');
  const getMessage = db.prepare('SELECT * FROM run_messages WHERE message_id = ? ORDER BY seq DESC LIMIT 1');
  const maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM run_messages').pluck();
  const pruneByCount = db.prepare('DELETE FROM run_messages WHERE seq <= ?');
  const pruneByAge = db.prepare('DELETE FROM run_messages WHERE received_at < ?');
  const pruneRuns = db.prepare(
    `DELETE FROM runs WHERE status <> 'running' AND ended_at < ? AND NOT EXISTS (SELECT 1 FROM run_messages m WHERE m.run_id = runs.run_id)`,
  );

  return {
    startRun: (r) => {
      start.run(r.runId, r.flowId, r.trigger, r.startedAt);
    },
    count: (runId, d) => {
      count.run(d.received ?? 0, d.delivered ?? 0, d.deadLettered ?? 0, runId);
    },
    endRun: (runId, status, endedAt) => {
      end.run(status, endedAt, runId);
    },
    stopOrphans: (endedAt) => orphans.run(endedAt).changes,
    addMessage: (m) => {
      addMessage.run(m.messageId, m.runId, m.flowId, m.status, m.receivedAt, m.stepsJson);
    },
    listRuns: (filter, limit, cursor) => {
      const conditions: [string, unknown][] = [];
      if (filter.flowId !== undefined) conditions.push(['flow_id = ?', filter.flowId]);
      if (filter.status !== undefined) conditions.push(['status = ?', filter.status]);
      return page(db, 'runs', conditions, limit, cursor, toRun);
    },
    getRun: (runId) => {
      const row = getRun.get(runId) as RunRow | undefined;
      return row ? toRun(row) : undefined;
    },
    listMessages: (filter, limit, cursor) => {
      const conditions: [string, unknown][] = [];
      if (filter.runId !== undefined) conditions.push(['run_id = ?', filter.runId]);
      if (filter.flowId !== undefined) conditions.push(['flow_id = ?', filter.flowId]);
      if (filter.status !== undefined) conditions.push(['status = ?', filter.status]);
      return page(db, 'run_messages', conditions, limit, cursor, toTrace);
    },
    getMessage: (messageId) => {
      const row = getMessage.get(messageId) as MessageRow | undefined;
      return row ? toTrace(row) : undefined;
    },
    pruneToCount: (keep) => pruneByCount.run((maxSeq.get() as number) - keep).changes,
    pruneByAge: (olderThan) => {
      const removed = pruneByAge.run(olderThan).changes;
      pruneRuns.run(new Date(olderThan).toISOString());
      return removed;
    },
  };
}
