import { describe, expect, it } from 'vitest';
import { retryPolicy } from '@seam/flow';
import type { Failure } from '../failure.js';
import { isRetryable, retryDelayMs } from './retry-policy.js';

const config = retryPolicy.config.parse({ initialDelayMs: 100, maxDelayMs: 1000, multiplier: 2 });
const failure = (over: Partial<Failure>): Failure => ({ errorClass: 'delivery', message: 'x', details: {}, retryable: true, category: '5xx', ...over });

describe('retry policy', () => {
  it('backs off exponentially with full jitter under a cap', () => {
    expect(retryDelayMs(1, config, failure({}), () => 0.999)).toBe(99);
    expect(retryDelayMs(3, config, failure({}), () => 0.999)).toBe(399);
    expect(retryDelayMs(10, config, failure({}), () => 0.999)).toBe(999);
    expect(retryDelayMs(3, config, failure({}), () => 0)).toBe(0);
  });

  it('honours Retry-After, capped at the maximum delay', () => {
    expect(retryDelayMs(1, config, failure({ retryAfterMs: 700 }))).toBe(700);
    expect(retryDelayMs(1, config, failure({ retryAfterMs: 86_400_000 }))).toBe(1000);
  });

  it('retries only listed categories of retryable failures', () => {
    expect(isRetryable(failure({ category: '5xx' }), config)).toBe(true);
    expect(isRetryable(failure({ category: '429' }), config)).toBe(true);
    expect(isRetryable(failure({ category: '400', retryable: false }), config)).toBe(false);
    expect(isRetryable(failure({ errorClass: 'validation', retryable: false, category: undefined }), config)).toBe(false);
    const only429 = retryPolicy.config.parse({ retryOn: ['429'] });
    expect(isRetryable(failure({ category: '5xx' }), only429)).toBe(false);
  });
});
