import type { SqliteDatabase } from './sqlite-store.js';
import type { InboxEntry, InboxStore } from './store-types.js';

interface InboxRow {
  seq: number;
  message_id: string;
  flow_id: string;
  run_id: string;
  node_id: string;
  payload: string;
  received_at: number;
}

export function createSqliteInbox(db: SqliteDatabase): InboxStore {
  // A redelivered message (same stable id) must not be stored twice.
  const insert = db.prepare(
    'INSERT OR IGNORE INTO inbox (message_id, flow_id, run_id, node_id, payload, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM inbox WHERE message_id = ?');
  const pending = db.prepare('SELECT * FROM inbox WHERE flow_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const countAll = db.prepare('SELECT COUNT(*) FROM inbox').pluck();
  const countFlow = db.prepare('SELECT COUNT(*) FROM inbox WHERE flow_id = ?').pluck();
  return {
    add: (e) => {
      insert.run(e.messageId, e.flowId, e.runId, e.nodeId, e.payloadJson, e.receivedAt);
    },
    remove: (messageId) => {
      remove.run(messageId);
    },
    pending: (flowId, afterSeq, limit) =>
      (pending.all(flowId, afterSeq, limit) as InboxRow[]).map((r) => ({ seq: r.seq, entry: toEntry(r) })),
    count: (flowId) => (flowId === undefined ? countAll.get() : countFlow.get(flowId)) as number,
  };
}

function toEntry(r: InboxRow): InboxEntry {
  return { messageId: r.message_id, flowId: r.flow_id, runId: r.run_id, nodeId: r.node_id, payloadJson: r.payload, receivedAt: r.received_at };
}
