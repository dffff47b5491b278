import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { problem } from '../problem.js';
import { relativePath } from './common.js';

const sqlName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be a plain SQL name: letters, digits and _');

export const sqliteSink = defineNode({
  type: 'sqlite',
  kind: 'sink',
  title: 'SQLite table',
  icon: '⛁',
  summary: 'Inserts each message into a SQLite table, in batches.',
  doc:
    'Inserts messages into a table of a SQLite database file in the data directory, creating the table when it ' +
    'does not exist. Each column takes the top-level field of the same name (objects and arrays are stored as ' +
    'JSON); with no columns listed, the whole message is stored as JSON in a `payload` column. Every row also ' +
    'gets the message id, so a redelivered message replaces its row instead of duplicating it. With a key column ' +
    '(say orderId) a later message with the same key replaces the row too, so importing the same export twice ' +
    'does not duplicate orders.',
  ports: { inputs: ['in'], outputs: [] },
  config: z.strictObject({
    database: relativePath.default('sink.db').describe('Database file, relative to the data directory.'),
    table: sqlName.describe('Table to insert into; created when missing.'),
    columns: z.array(sqlName).default([]).describe('Columns, each filled from the top-level field of the same name; none: the message goes to a payload column as JSON.'),
    /** A column that identifies a row in the business's terms: a message with the same value replaces the row. */
    key: sqlName.optional().describe('Column identifying a row; a message with the same value replaces the row.'),
    batchSize: z.number().int().min(1).max(10_000).default(500).describe('Rows written per transaction.'),
  }),
  defaults: { table: 'messages' },
  lint: (c) =>
    c.key !== undefined && !c.columns.includes(c.key)
      ? [problem(['key'], 'invalid-config', `key column "${c.key}" is not one of the columns (${c.columns.join(', ') || 'none listed'}): add it to columns`)]
      : [],
});
