import type { DeadLetter, DeadLetterAction, DeadLetterFilter, ErrorClass, DeadLetterStatus } from '../runtime-api.js';
import type { SqliteDatabase } from './sqlite-store.js';
import type { DeadLetterRepository, NewDeadLetter } from './store-types.js';

interface DeadLetterRow {
  seq: number;
  id: string;
  message_id: string;
  flow_id: string;
  flow_version: string;
  node_id: string;
  original: string | null;
  payload: string | null;
  error_class: string;
  message: string;
  details: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
  status: string;
}

interface AuditRow {
  at: string;
  action: string;
  actor: string;
  note: string | null;
}

/** Builds a WHERE clause from a filter; values are always bound, never spliced into the SQL. */
function where(filter: DeadLetterFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.flowId !== undefined) add('flow_id = ?', filter.flowId);
  if (filter.nodeId !== undefined) add('node_id = ?', filter.nodeId);
  if (filter.errorClass !== undefined) add('error_class = ?', filter.errorClass);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.since !== undefined) add('last_failed_at >= ?', filter.since);
  if (filter.until !== undefined) add('last_failed_at <= ?', filter.until);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const parse = (text: string | null): unknown => (text === null ? undefined : (JSON.parse(text) as unknown));
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function createSqliteDeadLetters(db: SqliteDatabase): DeadLetterRepository {
  const byId = db.prepare('SELECT * FROM dead_letters WHERE id = ?');
  const insert = db.prepare(`INSERT OR IGNORE INTO dead_letters
    (id, message_id, flow_id, flow_version, node_id, original, payload, error_class, message, details, attempts, first_failed_at, last_failed_at, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`);
  const refail = db.prepare(`UPDATE dead_letters SET flow_version = ?, node_id = ?, payload = ?, error_class = ?, message = ?,
    details = ?, attempts = attempts + ?, last_failed_at = ?, status = 'pending' WHERE id = ?`);
  const setPayload = db.prepare('UPDATE dead_letters SET payload = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE dead_letters SET status = ? WHERE id = ?');
  const audit = db.prepare('INSERT INTO dead_letter_audit (dead_letter_id, at, action, actor, note) VALUES (?, ?, ?, ?, ?)');
  const auditOf = db.prepare('SELECT at, action, actor, note FROM dead_letter_audit WHERE dead_letter_id = ? ORDER BY seq');
  const bump = db.prepare(
    'INSERT INTO dlq_depth (flow_id, pending) VALUES (?, ?) ON CONFLICT(flow_id) DO UPDATE SET pending = pending + excluded.pending',
  );
  const depthOf = db.prepare('SELECT pending FROM dlq_depth WHERE flow_id = ?').pluck();
  const depthAll = db.prepare('SELECT COALESCE(SUM(pending), 0) FROM dlq_depth').pluck();
  const depths = db.prepare('SELECT flow_id, pending FROM dlq_depth');

  const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
    id: r.id,
    messageId: r.message_id,
    flowId: r.flow_id,
    flowVersion: r.flow_version,
    nodeId: r.node_id,
    originalInput: parse(r.original),
    payload: parse(r.payload),
    errorClass: r.error_class as ErrorClass,
    message: r.message,
    details: JSON.parse(r.details) as Record<string, unknown>,
    attempts: r.attempts,
    firstFailedAt: r.first_failed_at,
    lastFailedAt: r.last_failed_at,
    status: r.status as DeadLetterStatus,
    // The first entry is the row's own creation: not stored twice (one insert fewer per dead letter).
    audit: [{ at: r.first_failed_at, action: 'dead-lettered' as const, actor: 'runtime' }, ...(auditOf.all(r.id) as AuditRow[]).map((a) => ({
      at: a.at,
      action: a.action as DeadLetterAction['action'],
      actor: a.actor,
      ...(a.note !== null ? { note: a.note } : {}),
    }))],
  });

  const writeAudit = (id: string, a: DeadLetterAction) => audit.run(id, a.at, a.action, a.actor, a.note ?? null);

  const changeStatus = (row: DeadLetterRow, status: DeadLetterStatus) => {
    if (row.status === status) return;
    setStatus.run(status, row.id);
    const delta = (status === 'pending' ? 1 : 0) - (row.status === 'pending' ? 1 : 0);
    if (delta !== 0) bump.run(row.flow_id, delta);
  };

  const bumpAll = (deltas: Map<string, number>) => {
    for (const [flowId, delta] of deltas) bump.run(flowId, delta);
  };

  // Counts the flow's new pending dead letter in `deltas` (written by the caller, once per flow).
  const putOne = (d: NewDeadLetter, action: 'dead-lettered' | 'replay-failed', deltas: Map<string, number>) => {
    // The common case is a new dead letter: try the insert first and look at the existing row only when it is not.
    const original = d.originalJson ?? json(d.originalInput);
    const details = d.detailsJson ?? JSON.stringify(d.details);
    const payload = json(d.payload);
    const inserted = insert.run(d.id, d.messageId, d.flowId, d.flowVersion, d.nodeId, original, payload, d.errorClass,
      d.message, details, d.attempts, d.failedAt, d.failedAt).changes === 1;
    if (inserted) {
      deltas.set(d.flowId, (deltas.get(d.flowId) ?? 0) + 1);
      // Its 'dead-lettered' audit entry is derived from the row itself (see toDeadLetter).
      if (action === 'dead-lettered') return;
    } else {
      const existing = byId.get(d.id) as DeadLetterRow;
      refail.run(d.flowVersion, d.nodeId, payload, d.errorClass, d.message, details, d.attempts, d.failedAt, d.id);
      if (existing.status !== 'pending') deltas.set(existing.flow_id, (deltas.get(existing.flow_id) ?? 0) + 1);
    }
    writeAudit(d.id, { at: d.failedAt, action, actor: d.actor, ...(d.note !== undefined ? { note: d.note } : {}) });
  };

  return {
    put: (d, action) => {
      const deltas = new Map<string, number>();
      putOne(d, action, deltas);
      bumpAll(deltas);
    },
    putMany: (entries) => {
      const deltas = new Map<string, number>();
      for (const { record, action } of entries) putOne(record, action, deltas);
      bumpAll(deltas);
    },
    list: (filter, limit, cursor) => {
      const w = where(filter);
      const total = db.prepare(`SELECT COUNT(*) FROM dead_letters ${w.sql}`).pluck().get(...w.params) as number;
      const before = cursor !== undefined ? Number(cursor) : Number.MAX_SAFE_INTEGER;
      const pageWhere = w.sql ? `${w.sql} AND seq < ?` : 'WHERE seq < ?';
      const rows = db.prepare(`SELECT * FROM dead_letters ${pageWhere} ORDER BY seq DESC LIMIT ?`)
        .all(...w.params, before, limit + 1) as DeadLetterRow[];
      const items = rows.slice(0, limit).map(toDeadLetter);
      const last = rows[limit - 1];
      return { items, total, ...(rows.length > limit && last ? { next: String(last.seq) } : {}) };
    },
    get: (id) => {
      const row = byId.get(id) as DeadLetterRow | undefined;
      return row ? toDeadLetter(row) : undefined;
    },
    ids: (filter, limit) => {
      const w = where(filter);
      return db.prepare(`SELECT id FROM dead_letters ${w.sql} ORDER BY seq LIMIT ?`).pluck().all(...w.params, limit) as string[];
    },
    setPayload: (id, payload, action) => {
      setPayload.run(json(payload), id);
      writeAudit(id, action);
    },
    setStatus: (id, status, action) => {
      const row = byId.get(id) as DeadLetterRow | undefined;
      if (!row) return;
      changeStatus(row, status);
      writeAudit(id, action);
    },
    depth: (flowId) => ((flowId === undefined ? depthAll.get() : depthOf.get(flowId)) as number | undefined) ?? 0,
    depths: () =>
      Object.fromEntries((depths.all() as { flow_id: string; pending: number }[]).map((r) => [r.flow_id, r.pending])),
  };
}
