import type { BreakerState } from '../runtime-api.js';
import { CircuitOpenError } from '../failure.js';
import { sleep } from './retry-policy.js';

export interface BreakerConfig {
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  readonly whenOpen: 'wait' | 'dead-letter';
  readonly maxWaitMs: number;
}

/**
 * One per sink: opens after `failureThreshold` consecutive retryable failures, lets one trial call through after
 * the cool-down (half-open), closes on its success and re-opens on its failure. While open, callers either wait
 * (at most maxWaitMs) or are refused with CircuitOpenError, per `whenOpen`.
 */
export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly nodeId: string,
    private readonly config: BreakerConfig,
    private readonly onChange: (state: BreakerState) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  get current(): BreakerState {
    return this.state;
  }

  /** Waits until a call may go through (or refuses it). Resolves true when the caller holds the half-open trial. */
  async admit(signal?: AbortSignal): Promise<boolean> {
    const deadline = this.now() + (this.config.whenOpen === 'wait' ? this.config.maxWaitMs : 0);
    for (;;) {
      if (this.state === 'closed') return false;
      if (this.state === 'open' && this.now() - this.openedAt >= this.config.coolDownMs) this.set('half-open');
      if (this.state === 'half-open' && !this.trialInFlight) {
        this.trialInFlight = true;
        return true;
      }
      const remaining = deadline - this.now();
      if (remaining <= 0) throw new CircuitOpenError(this.nodeId);
      const untilCoolDown = this.state === 'open' ? this.openedAt + this.config.coolDownMs - this.now() : 25;
      await sleep(Math.max(5, Math.min(remaining, untilCoolDown, 250)), signal);
    }
  }

  success(trial: boolean): void {
    if (trial) this.trialInFlight = false;
    this.failures = 0;
    if (this.state !== 'closed') this.set('closed');
  }

  /** A retryable failure (the upstream is unwell). Other failures say nothing about its health: call `release`. */
  failure(trial: boolean): void {
    if (trial) this.trialInFlight = false;
    this.failures += 1;
    if (this.state === 'half-open' || (this.state === 'closed' && this.failures >= this.config.failureThreshold)) {
      this.openedAt = this.now();
      this.set('open');
    }
  }

  release(trial: boolean): void {
    if (trial) this.trialInFlight = false;
  }

  private set(state: BreakerState) {
    this.state = state;
    this.onChange(state);
  }
}
