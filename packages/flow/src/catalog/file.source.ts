import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { relativePath } from './common.js';

export const fileSource = defineNode({
  type: 'file',
  kind: 'source',
  title: 'File',
  icon: '▤',
  summary: 'Reads messages from a JSON array, NDJSON or CSV file.',
  doc:
    'Reads a file next to the flow file (the path is relative to the flow\'s folder and may not leave it) and ' +
    'emits one message per array element, NDJSON line or CSV row. The file is streamed, so size does not matter. ' +
    'A line that is not valid JSON becomes a dead letter with its line number; the rest keeps flowing.',
  ports: { inputs: [], outputs: ['out'] },
  config: z.strictObject({
    path: relativePath.describe('File to read, relative to the flow file\'s folder, e.g. `data/orders.ndjson`.'),
    format: z.enum(['ndjson', 'json', 'csv']).default('ndjson').describe('ndjson: one message per line; json: one per element of a top-level array; csv: one per row.'),
    csv: z
      .strictObject({
        delimiter: z.string().length(1).default(',').describe('Field separator.'),
        header: z.boolean().default(true).describe('The first row names the fields.'),
      })
      .optional()
      .describe('CSV options, for format csv.'),
  }),
  defaults: { path: 'data/input.ndjson', format: 'ndjson' },
});
