/** A counting semaphore with a FIFO queue: at most `limit` messages of a flow are in flight at once. */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** Resolves when a slot is free; a source awaiting it is slowed down to the pace of its sinks. */
  acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => {
      this.active += 1;
      resolve();
    }));
  }

  release(): void {
    this.active -= 1;
    const next = this.waiting.shift();
    if (next) next();
    else if (this.active === 0) {
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
}
