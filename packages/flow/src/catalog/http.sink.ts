import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { headers, httpUrl, milliseconds } from './common.js';

export const httpSink = defineNode({
  type: 'http',
  kind: 'sink',
  title: 'HTTP request',
  icon: '⇡',
  summary: 'Sends each message as JSON to an HTTP endpoint.',
  doc:
    'Sends the message as a JSON body with POST, PUT or PATCH. Every request carries an Idempotency-Key header ' +
    'with the message\'s stable id, so the receiver can ignore a redelivery. Put credentials in headers as ' +
    'secret references such as "Bearer {{secret.BILLING_TOKEN}}" — never the secret itself. A 2xx answer is ' +
    'delivered; 408, 429, 5xx and network errors are retried by a retry policy upstream; other 4xx dead-letter. ' +
    'A 307 or 308 redirect to the same origin is followed (the body is sent again); any other redirect dead-letters, ' +
    'because a moved endpoint needs the flow updated rather than a message silently sent elsewhere.',
  ports: { inputs: ['in'], outputs: [] },
  config: z.strictObject({
    url: httpUrl.describe('Where to send each message.'),
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method.'),
    headers: headers.default({}).describe('Request headers; credentials only as secret references such as "Bearer {{secret.BILLING_TOKEN}}".'),
    timeoutMs: milliseconds(10, 600_000).default(10_000).describe('How long one request may take, in milliseconds.'),
  }),
  defaults: { url: 'https://', method: 'POST' },
});
