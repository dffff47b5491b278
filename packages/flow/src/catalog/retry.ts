import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { milliseconds } from './common.js';

export const retryableFailures = ['network', 'timeout', '408', '429', '5xx'] as const;

export const retryPolicy = defineNode({
  type: 'retry',
  kind: 'retry',
  title: 'Retry policy',
  icon: '↻',
  summary: 'Retries the delivery downstream with backoff, then dead-letters; guards it with a circuit breaker.',
  doc:
    'Applies to the node(s) right after it. A delivery that fails for a retryable reason (network error, timeout, ' +
    '408, 429, 5xx — honouring Retry-After) is tried again after an exponential backoff with full jitter, up to the ' +
    'number of attempts; anything else (4xx, validation) goes straight to the dead-letter table. The circuit ' +
    'breaker opens after consecutive failures so a downed system is not hammered: while open, messages wait ' +
    '(up to a bound) or are dead-lettered with reason circuit-open.',
  ports: { inputs: ['in'], outputs: ['out'] },
  config: z.strictObject({
    attempts: z.number().int().min(1).max(10).default(3),
    initialDelayMs: milliseconds(0, 600_000).default(200),
    maxDelayMs: milliseconds(0, 3_600_000).default(30_000),
    multiplier: z.number().min(1).max(10).default(2),
    attemptTimeoutMs: milliseconds(10, 600_000).default(10_000),
    retryOn: z.array(z.enum(retryableFailures)).default([...retryableFailures]),
    breaker: z
      .strictObject({
        failureThreshold: z.number().int().min(1).max(1000).default(5),
        coolDownMs: milliseconds(10, 3_600_000).default(30_000),
        whenOpen: z.enum(['wait', 'dead-letter']).default('wait'),
        maxWaitMs: milliseconds(0, 3_600_000).default(60_000),
      })
      .default({ failureThreshold: 5, coolDownMs: 30_000, whenOpen: 'wait', maxWaitMs: 60_000 }),
  }),
  defaults: { attempts: 3 },
});
