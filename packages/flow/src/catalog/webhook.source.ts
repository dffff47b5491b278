import { z } from 'zod';
import { defineNode } from '../node-definition.js';

export const webhookSource = defineNode({
  type: 'webhook',
  kind: 'source',
  title: 'Webhook',
  icon: '⇣',
  summary: 'Receives messages POSTed to /hooks/<flow>/<node>.',
  doc:
    'Starts the flow for every JSON body POSTed to /hooks/<flow id>/<node id> on the Seam server. ' +
    'Seam answers 202 with the message id only after the message is stored durably, so the caller may ' +
    'retry safely on any other answer. Bodies above the size limit get 413; other content types get 415.',
  ports: { inputs: [], outputs: ['out'] },
  config: z.strictObject({
    maxBodyBytes: z.number().int().min(1).max(50 * 1024 * 1024).default(1024 * 1024).describe('Largest body accepted, in bytes; a bigger one gets 413.'),
    contentTypes: z.array(z.string().min(1)).min(1).default(['application/json']).describe('Content types accepted; any other gets 415.'),
  }),
  defaults: {},
});
