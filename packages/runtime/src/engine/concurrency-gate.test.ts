import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from './concurrency-gate.js';

describe('concurrency gate', () => {
  it('never lets more than the limit in, and serves waiters in order', async () => {
    const gate = new ConcurrencyGate(2);
    const order: number[] = [];
    await gate.acquire();
    await gate.acquire();
    const third = gate.acquire().then(() => order.push(3));
    const fourth = gate.acquire().then(() => order.push(4));
    expect(gate.inFlight).toBe(2);
    gate.release();
    await third;
    expect(gate.inFlight).toBe(2);
    gate.release();
    await fourth;
    expect(order).toEqual([3, 4]);
  });

  it('once full, reopens only at the refill mark', async () => {
    const gate = new ConcurrencyGate(4, 1);
    for (let i = 0; i < 4; i++) await gate.acquire();
    let admitted = false;
    const next = gate.acquire().then(() => (admitted = true));
    gate.release();
    gate.release();
    await Promise.resolve();
    expect(admitted).toBe(false);
    gate.release();
    await next;
    expect(admitted).toBe(true);
    expect(gate.inFlight).toBe(2);
    // Open again: callers pass straight through until the limit.
    await gate.acquire();
    await gate.acquire();
    expect(gate.inFlight).toBe(4);
  });

  it('reports idle when everything is released', async () => {
    const gate = new ConcurrencyGate(3);
    await gate.acquire();
    const idle = gate.idle();
    gate.release();
    await idle;
    expect(gate.inFlight).toBe(0);
  });
});
