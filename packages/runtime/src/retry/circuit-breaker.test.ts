import { describe, expect, it } from 'vitest';
import { CircuitOpenError } from '../failure.js';
import { CircuitBreaker } from './circuit-breaker.js';

describe('circuit breaker', () => {
  it('opens after the threshold, refuses while open, half-opens after the cool-down and closes on success', async () => {
    let now = 0;
    const states: string[] = [];
    const breaker = new CircuitBreaker('sink', { failureThreshold: 2, coolDownMs: 1000, whenOpen: 'dead-letter', maxWaitMs: 0 }, (s) => states.push(s), () => now);
    expect(await breaker.admit()).toBe(false);
    breaker.failure(false);
    expect(breaker.current).toBe('closed');
    breaker.failure(false);
    expect(breaker.current).toBe('open');
    await expect(breaker.admit()).rejects.toBeInstanceOf(CircuitOpenError);
    now = 1000;
    expect(await breaker.admit()).toBe(true);
    expect(breaker.current).toBe('half-open');
    // Only one trial at a time.
    await expect(breaker.admit()).rejects.toBeInstanceOf(CircuitOpenError);
    breaker.success(true);
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens when the half-open trial fails', async () => {
    let now = 0;
    const breaker = new CircuitBreaker('sink', { failureThreshold: 1, coolDownMs: 10, whenOpen: 'dead-letter', maxWaitMs: 0 }, () => {}, () => now);
    breaker.failure(false);
    now = 20;
    const trial = await breaker.admit();
    breaker.failure(trial);
    expect(breaker.current).toBe('open');
  });

  it('makes callers wait (bounded) while open when configured to wait', async () => {
    const breaker = new CircuitBreaker('sink', { failureThreshold: 1, coolDownMs: 60, whenOpen: 'wait', maxWaitMs: 1000 });
    breaker.failure(false);
    const started = Date.now();
    expect(await breaker.admit()).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    const short = new CircuitBreaker('sink', { failureThreshold: 1, coolDownMs: 10_000, whenOpen: 'wait', maxWaitMs: 50 });
    short.failure(false);
    await expect(short.admit()).rejects.toBeInstanceOf(CircuitOpenError);
  });
});
