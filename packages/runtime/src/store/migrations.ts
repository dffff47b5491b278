/**
 * Ordered schema migrations: migration i brings the database from user_version i to i+1. Append, never edit,
 * so that any older database file still opens.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE inbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    flow_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX inbox_flow ON inbox(flow_id, seq);

  CREATE TABLE dead_letters (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL,
    flow_id TEXT NOT NULL,
    flow_version TEXT NOT NULL,
    node_id TEXT NOT NULL,
    original TEXT,
    payload TEXT,
    error_class TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    first_failed_at TEXT NOT NULL,
    last_failed_at TEXT NOT NULL,
    status TEXT NOT NULL
  );
  CREATE INDEX dead_letters_flow ON dead_letters(flow_id, status, seq);
  CREATE INDEX dead_letters_failed ON dead_letters(last_failed_at);

  CREATE TABLE dead_letter_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    dead_letter_id TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT
  );
  CREATE INDEX dead_letter_audit_id ON dead_letter_audit(dead_letter_id, seq);

  -- Maintained on every status change so that depth is O(1), never a COUNT(*) over the whole table.
  CREATE TABLE dlq_depth (
    flow_id TEXT PRIMARY KEY,
    pending INTEGER NOT NULL
  );

  CREATE TABLE runs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL UNIQUE,
    flow_id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    received INTEGER NOT NULL DEFAULT 0,
    delivered INTEGER NOT NULL DEFAULT 0,
    dead_lettered INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_flow ON runs(flow_id, seq);

  CREATE TABLE run_messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    flow_id TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    steps TEXT NOT NULL
  );
  CREATE INDEX run_messages_message ON run_messages(message_id);
  CREATE INDEX run_messages_run ON run_messages(run_id, seq);
  CREATE INDEX run_messages_flow ON run_messages(flow_id, seq);

  CREATE TABLE deployed_flows (
    flow_id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    deployed_at TEXT NOT NULL
  );

  CREATE TABLE flow_state (
    flow_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (flow_id, key)
  );

  CREATE TABLE metric_rollups (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    minute INTEGER NOT NULL,
    received INTEGER NOT NULL,
    delivered INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    dead_lettered INTEGER NOT NULL,
    latency_count INTEGER NOT NULL,
    latency_sum REAL NOT NULL,
    buckets TEXT NOT NULL,
    dlq_depth INTEGER,
    PRIMARY KEY (flow_id, node_id, minute)
  );

  CREATE TABLE drift_events (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    field TEXT NOT NULL,
    expected TEXT NOT NULL,
    seen TEXT NOT NULL,
    sample TEXT,
    count INTEGER NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    PRIMARY KEY (flow_id, node_id, field, seen)
  );
  `,
];
