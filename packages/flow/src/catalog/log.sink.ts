import { z } from 'zod';
import { defineNode } from '../node-definition.js';

export const logSink = defineNode({
  type: 'log',
  kind: 'sink',
  title: 'Log',
  icon: '☰',
  summary: 'Writes each message to the Seam log.',
  doc: 'Writes each message to the log at the chosen level; useful while designing a flow and as a debug tap.',
  ports: { inputs: ['in'], outputs: [] },
  config: z.strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('Log level of the entries.'),
  }),
  defaults: { level: 'info' },
});
