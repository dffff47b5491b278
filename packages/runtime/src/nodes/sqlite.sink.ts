import { sqliteSink } from '@seam/flow';
import { insideRoot } from '../safe-path.js';
import { openSinkTable } from '../store/sink-table-store.js';
import type { SinkTableWriter } from '../store/store-types.js';
import { createBatchQueue } from './batch-queue.js';
import { stepRunner } from './node-runner.js';

interface Row {
  readonly messageId: string;
  readonly values: readonly unknown[];
}

/** SQLite takes numbers, strings, null and buffers: objects and arrays are stored as JSON, booleans as 0/1. */
function column(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Upserts messages into a table of a database in the data directory, batchSize rows per transaction. */
export const sqliteSinkRunner = stepRunner(sqliteSink, (config, env) => {
  const file = insideRoot(env.dataDir, config.database, 'sqlite sink database');
  let writer: SinkTableWriter | undefined;
  const columns = config.columns;
  const queue = createBatchQueue<Row>(config.batchSize, (rows) => {
    writer ??= openSinkTable(file, config.table, columns, config.key);
    writer.write(rows);
  });
  return {
    local: true,
    run: (input, ctx) => {
      const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
      const values = columns.length ? columns.map((c) => column(record[c])) : [JSON.stringify(input)];
      return queue.push({ messageId: ctx.messageId, values });
    },
    close: async () => {
      await queue.drain();
      writer?.close();
    },
  };
});
