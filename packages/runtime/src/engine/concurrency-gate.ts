/**
 * A counting semaphore with a FIFO queue: at most `limit` messages of a flow are in flight at once.
 * Once full it stays closed until the count has dropped to `refillAt`, then lets callers in until full again:
 * with `refillAt` well below the limit, intake arrives in bursts that one inbox commit can carry instead of one
 * message per freed slot. With the default (`limit - 1`) it is an ordinary semaphore.
 */
export class ConcurrencyGate {
  private active = 0;
  private open = true;
  private readonly waiting: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly limit: number, private readonly refillAt = limit - 1) {}

  get inFlight(): number {
    return this.active;
  }

  /** Takes a slot if one is free now (no promise, no wait); false when the caller must `acquire`. */
  tryAcquire(): boolean {
    if (!this.open || this.waiting.length > 0) return false;
    this.take();
    return true;
  }

  /** Resolves when a slot is free; a source awaiting it is slowed down to the pace of its sinks. */
  acquire(): Promise<void> {
    if (this.open && this.waiting.length === 0) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => {
      this.take();
      resolve();
    }));
  }

  release(): void {
    this.active -= 1;
    if (!this.open && this.active <= this.refillAt) this.open = true;
    while (this.open && this.waiting.length > 0) this.waiting.shift()!();
    if (this.active === 0 && this.waiting.length === 0) {
      const idle = this.idleWaiters;
      this.idleWaiters = [];
      idle.forEach((f) => f());
    }
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private take() {
    this.active += 1;
    if (this.active >= this.limit) this.open = false;
  }
}
