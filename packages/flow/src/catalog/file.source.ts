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
    path: relativePath,
    format: z.enum(['ndjson', 'json', 'csv']).default('ndjson'),
    csv: z
      .strictObject({
        delimiter: z.string().length(1).default(','),
        header: z.boolean().default(true),
      })
      .optional(),
  }),
  defaults: { path: 'data/input.ndjson', format: 'ndjson' },
});
