import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { relativePath } from './common.js';

export const fileSink = defineNode({
  type: 'file-append',
  kind: 'sink',
  title: 'File (NDJSON)',
  icon: '▥',
  summary: 'Appends each message as one JSON line to a file in the data directory.',
  doc:
    'Appends each message as one line of JSON to a file. The path is relative to Seam\'s data directory ' +
    '(.seam/ by default) and may not leave it.',
  ports: { inputs: ['in'], outputs: [] },
  config: z.strictObject({
    path: relativePath.describe('File to append to, relative to the data directory, e.g. `out/invoices.ndjson`.'),
  }),
  defaults: { path: 'out/messages.ndjson' },
});
