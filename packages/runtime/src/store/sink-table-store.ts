import { openSqlite } from './sqlite-store.js';
import type { SinkTableWriter } from './store-types.js';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A sqlite sink's table in a database file of the data directory, created when missing. Rows are upserted by
 * message id, so a redelivered message replaces its row instead of adding a second one.
 * `columns` empty: the whole message goes to a `payload` column as JSON. With a `key` column a message with the
 * same key replaces the row as well.
 */
export function openSinkTable(file: string, table: string, columns: readonly string[], key?: string): SinkTableWriter {
  const db = openSqlite(file);
  const names = columns.length ? columns : ['payload'];
  db.exec(`CREATE TABLE IF NOT EXISTS ${quote(table)} (message_id TEXT PRIMARY KEY, ${names.map(quote).join(', ')})`);
  const existing = new Set((db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name));
  // A column added to the flow later is added to the table rather than failing every insert.
  for (const name of names) if (!existing.has(name)) db.exec(`ALTER TABLE ${quote(table)} ADD COLUMN ${quote(name)}`);
  // INSERT OR REPLACE removes a row that conflicts on the key too, so the same business record is stored once.
  if (key !== undefined) db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${quote(`${table}_${key}_key`)} ON ${quote(table)} (${quote(key)})`);
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO ${quote(table)} (message_id, ${names.map(quote).join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`,
  );
  const writeAll = db.transaction((rows: readonly { messageId: string; values: readonly unknown[] }[]) => {
    for (const row of rows) upsert.run(row.messageId, ...row.values);
  });
  return {
    write: (rows) => writeAll(rows),
    close: () => {
      if (db.open) db.close();
    },
  };
}
