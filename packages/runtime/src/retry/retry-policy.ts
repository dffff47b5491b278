import type { z } from 'zod';
import type { retryPolicy } from '@seam/flow';
import type { Failure } from '../failure.js';

export type RetryConfig = z.output<typeof retryPolicy.config>;

/** Whether a failure may be tried again under this policy: only delivery failures of a listed category. */
export function isRetryable(failure: Failure, config: RetryConfig): boolean {
  if (!failure.retryable || failure.category === undefined) return false;
  return (config.retryOn as readonly string[]).includes(failure.category);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): exponential backoff with full jitter, capped, or
 * the server's Retry-After when it gave one (also capped, so a hostile header cannot park a message for a day).
 */
export function retryDelayMs(attempt: number, config: RetryConfig, failure: Failure, random: () => number = Math.random): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, config.maxDelayMs);
  const ceiling = Math.min(config.maxDelayMs, config.initialDelayMs * config.multiplier ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
