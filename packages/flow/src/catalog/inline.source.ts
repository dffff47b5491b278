import { z } from 'zod';
import { defineNode } from '../node-definition.js';

export const inlineSource = defineNode({
  type: 'inline',
  kind: 'source',
  title: 'Inline messages',
  icon: '✎',
  summary: 'Emits messages written into the flow itself.',
  doc:
    'Emits each message of its list once, in order. Handy for designing and testing a flow without a real ' +
    'system on the other side; the same messages appear in the live preview.',
  ports: { inputs: [], outputs: ['out'] },
  config: z.strictObject({
    messages: z.array(z.unknown()).default([]).describe('The messages to emit, in order.'),
  }),
  defaults: { messages: [{ hello: 'world' }] },
});
