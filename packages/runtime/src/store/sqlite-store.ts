import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';
import { createSqliteInbox } from './inbox-store.js';
import { createSqliteDeadLetters } from './dead-letter-store.js';
import { createSqliteRunHistory } from './run-history-store.js';
import { createSqliteFlowState } from './flow-state-store.js';
import { createSqliteRollups } from './metrics-rollup-store.js';
import { createSqliteDrift } from './drift-store.js';
import type { RuntimeStore } from './store-types.js';

export type SqliteDatabase = Database.Database;

/** Opens (creating when missing) a SQLite database in WAL mode with Seam's pragmas. */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Must precede the first table so that incremental vacuum can give pages back to the file system.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a commit is durable against a process crash (kill -9) without an fsync per commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Checkpoints are ours (housekeeping), so a busy writer never stalls on a large automatic one.
  db.pragma('wal_autocheckpoint = 10000');
  return db;
}

/** Applies every migration after the database's user_version, each in its own transaction. */
export function migrate(db: SqliteDatabase, list: readonly string[] = migrations): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > list.length) {
    throw new Error(`the database schema (version ${version}) is newer than this Seam understands (${list.length}): upgrade Seam`);
  }
  while (version < list.length) {
    const sql = list[version]!;
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${next}`);
    })();
    version = next;
  }
  return version;
}

/** The runtime's SQLite store: inbox, dead letters, run history, flow state, metrics rollups and drift events in one file. */
export function openSqliteStore(path: string): RuntimeStore {
  const db = openSqlite(path);
  const schemaVersion = migrate(db);
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  const freePages = db.prepare('PRAGMA freelist_count');
  return {
    inbox: createSqliteInbox(db),
    deadLetters: createSqliteDeadLetters(db),
    runs: createSqliteRunHistory(db),
    flowState: createSqliteFlowState(db),
    rollups: createSqliteRollups(db),
    drift: createSqliteDrift(db),
    schemaVersion,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    housekeeping: () => {
      checkpoint.run();
      const free = freePages.pluck().get() as number;
      // Give back free pages in slices so housekeeping never holds the write lock for long.
      if (free > 256) db.pragma('incremental_vacuum(2048)');
    },
    close: () => {
      if (!db.open) return;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}
