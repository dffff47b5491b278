import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlowValue, serializeFlow } from '@seam/flow';
import type { CrmFlowParts } from '../crm/crm-flow.js';

/**
 * The pipeline bench flow: crm-to-billing's mapping and schema (with its coercions) between a file source and a
 * sqlite sink — file → jsonata → validate → sqlite. Written next to the data file, because file source paths
 * resolve against the flow file's folder. Returns the flow file's path.
 */
export function writePipelineBenchFlow(crm: CrmFlowParts, dataFile: string, batchSize: number): string {
  const raw = {
    formatVersion: crm.document.formatVersion,
    id: 'bench-crm-pipeline',
    name: 'Bench: CRM orders file to invoices table',
    nodes: [
      { id: 'orders-file', type: 'file', config: { path: path.basename(dataFile), format: 'ndjson' } },
      { ...crm.mapping, id: 'map-invoice' },
      { ...crm.validation, id: 'check-invoice' },
      { id: 'invoices-table', type: 'sqlite', config: { database: 'sink.db', table: 'invoices', batchSize } },
    ],
    edges: [
      { from: 'orders-file', to: 'map-invoice' },
      { from: 'map-invoice', to: 'check-invoice' },
      { from: 'check-invoice', to: 'invoices-table' },
    ],
  };
  const loaded = loadFlowValue(raw);
  if (!loaded.document || loaded.problems.length > 0) {
    throw new Error(`the bench flow is invalid: ${loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  }
  const file = path.join(path.dirname(dataFile), `bench-pipeline-${path.basename(dataFile, '.ndjson')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serializeFlow(loaded.document));
  return file;
}
