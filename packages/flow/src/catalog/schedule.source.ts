import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { milliseconds } from './common.js';

export const scheduleSource = defineNode({
  type: 'schedule',
  kind: 'source',
  title: 'Schedule',
  icon: '◷',
  summary: 'Emits a message on a fixed interval.',
  doc:
    'Emits the given payload every interval (with the firing time added as `firedAt`). With a count it stops ' +
    'after that many messages, which makes the flow finite: `seam run` then runs it to completion.',
  ports: { inputs: [], outputs: ['out'] },
  config: z.strictObject({
    everyMs: milliseconds(100, 7 * 24 * 60 * 60 * 1000).default(60_000).describe('Time between messages, in milliseconds.'),
    payload: z.unknown().default({}).describe('The message emitted each time (firedAt is added).'),
    count: z.number().int().min(1).optional().describe('Stop after this many messages; without it the schedule runs until stopped.'),
  }),
  defaults: { everyMs: 60_000, payload: {} },
});
