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
    attempts: z.number().int().min(1).max(10).default(3).describe('Tries in all, the first included.'),
    initialDelayMs: milliseconds(0, 600_000).default(200).describe('Backoff before the second try, in milliseconds.'),
    maxDelayMs: milliseconds(0, 3_600_000).default(30_000).describe('Longest backoff, in milliseconds.'),
    multiplier: z.number().min(1).max(10).default(2).describe('Each backoff is this many times the previous one (before jitter).'),
    attemptTimeoutMs: milliseconds(10, 600_000).default(10_000).describe('How long one try may take, in milliseconds.'),
    retryOn: z.array(z.enum(retryableFailures)).default([...retryableFailures]).describe('Failures worth another try; anything else is dead-lettered at once.'),
    breaker: z
      .strictObject({
        failureThreshold: z.number().int().min(1).max(1000).default(5).describe('Consecutive failures that open the breaker.'),
        coolDownMs: milliseconds(10, 3_600_000).default(30_000).describe('How long the breaker stays open before one trial request.'),
        whenOpen: z.enum(['wait', 'dead-letter']).default('wait').describe('While open: messages wait (up to maxWaitMs) or are dead-lettered at once.'),
        maxWaitMs: milliseconds(0, 3_600_000).default(60_000).describe('Longest wait for a closed breaker before dead-lettering.'),
      })
      .default({ failureThreshold: 5, coolDownMs: 30_000, whenOpen: 'wait', maxWaitMs: 60_000 })
      .describe('Circuit breaker for the downstream node.'),
  }),
  defaults: { attempts: 3 },
});
