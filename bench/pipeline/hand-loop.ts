import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import jsonata from 'jsonata';
import { compileInvoiceValidator } from '../crm/invoice-validator.js';
import { coerceIssuedAt, mapCrmOrderByHand, type Invoice } from '../crm/hand-mapping.js';
import type { CrmOrderEvent } from '../crm/crm-records.js';
import { loadCompileJsonata } from '../lib/seam-modules.js';

export interface HandLoopInput {
  readonly file: string;
  readonly dbPath: string;
  readonly expression: string;
  readonly schema: Record<string, unknown>;
  /**
   * `hand`: the mapping written in JS; `jsonata`: the `jsonata` package's evaluate; `compiled`: the mapping
   * compiled by @seam/jsonata-compiler, as Seam's transform runs it — so that loop's distance to Seam is Seam's
   * own overhead (inbox, run history, metrics, scheduling), with the mapping cost the same on both sides.
   */
  readonly mapping: 'hand' | 'jsonata' | 'compiled';
  readonly batchSize: number;
}

async function mappingFunction(input: HandLoopInput): Promise<(event: CrmOrderEvent) => unknown> {
  if (input.mapping === 'hand') return mapCrmOrderByHand;
  if (input.mapping === 'jsonata') {
    const expression = jsonata(input.expression);
    return (event) => expression.evaluate(event);
  }
  // The transform node's default bounds, as in Seam.
  const compiled = (await loadCompileJsonata())(input.expression, { timeoutMs: 1000, maxDepth: 500 });
  return (event) => compiled.evaluate(event);
}

export interface LoopCounts {
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
}

/**
 * What a developer would write without Seam: stream the file line by line, JSON.parse, map, coerce the date,
 * validate with ajv, insert valid invoices and dead letters into SQLite in batched transactions. No inbox, no
 * run history, no metrics: the floor Seam's own overhead is measured against.
 */
export async function runHandLoop(input: HandLoopInput): Promise<LoopCounts> {
  const db = new Database(input.dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS invoices (message_id TEXT PRIMARY KEY, payload TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS dead_letters (id TEXT PRIMARY KEY, message_id TEXT NOT NULL, flow_id TEXT NOT NULL,
      node_id TEXT NOT NULL, original_input TEXT NOT NULL, payload TEXT, error_class TEXT NOT NULL, message TEXT NOT NULL,
      details TEXT NOT NULL, attempts INTEGER NOT NULL, first_failed_at TEXT NOT NULL, last_failed_at TEXT NOT NULL,
      status TEXT NOT NULL)`);
  const insertInvoice = db.prepare('INSERT OR REPLACE INTO invoices (message_id, payload) VALUES (?, ?)');
  const insertDeadLetter = db.prepare(`INSERT INTO dead_letters VALUES (?, ?, 'bench', 'check-invoice', ?, ?, 'validation', ?, ?, 1, ?, ?, 'pending')`);
  type Row = { kind: 'ok'; id: string; payload: string } | { kind: 'dead'; id: string; input: string; payload: string; message: string; details: string; at: string };
  const flush = db.transaction((rows: Row[]) => {
    for (const r of rows) {
      if (r.kind === 'ok') insertInvoice.run(r.id, r.payload);
      else insertDeadLetter.run(randomUUID(), r.id, r.input, r.payload, r.message, r.details, r.at, r.at);
    }
  });

  const validate = compileInvoiceValidator(input.schema);
  const map = await mappingFunction(input);
  let received = 0;
  let delivered = 0;
  let deadLettered = 0;
  let batch: Row[] = [];
  const lines = createInterface({ input: createReadStream(input.file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    received++;
    const event = JSON.parse(line) as CrmOrderEvent;
    let mapped = map(event);
    if (mapped instanceof Promise) mapped = await mapped;
    const invoice = mapped as Invoice;
    coerceIssuedAt(invoice);
    const id = randomUUID();
    if (validate(invoice)) {
      batch.push({ kind: 'ok', id, payload: JSON.stringify(invoice) });
      delivered++;
    } else {
      const errors = validate.errors ?? [];
      const message = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
      const details = JSON.stringify({ schemaPaths: errors.map((e) => e.schemaPath) });
      batch.push({ kind: 'dead', id, input: line, payload: JSON.stringify(invoice), message, details, at: new Date().toISOString() });
      deadLettered++;
    }
    if (batch.length >= input.batchSize) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.close();
  return { received, delivered, deadLettered };
}
