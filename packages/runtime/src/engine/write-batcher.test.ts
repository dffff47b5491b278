import { describe, expect, it } from 'vitest';
import type { RuntimeStore } from '../store/store-types.js';
import { createWriteBatcher } from './write-batcher.js';

/** A store whose transactions only run their function (a write that throws fails the whole batch). */
const store = { transaction: <T>(fn: () => T): T => fn() } as unknown as RuntimeStore;

describe('write batcher deferItem', () => {
  it('writes the items queued under one key once, before the writes queued after them, in the same commit', async () => {
    const log: string[] = [];
    const batcher = createWriteBatcher(store, () => {});
    const key = {};
    const write = (items: readonly string[]) => log.push(`dead letters ${items.join(',')}`);
    batcher.deferItem(key, 'a', write);
    batcher.defer(() => log.push('remove a'));
    batcher.deferItem(key, 'b', write);
    batcher.defer(() => log.push('remove b'));
    await batcher.flush();
    expect(log).toEqual(['dead letters a,b', 'remove a', 'remove b']);
    batcher.deferItem(key, 'c', write);
    await batcher.flush();
    expect(log.at(-1)).toBe('dead letters c');
  });

  it('starts a new group after a failed commit instead of adding to the lost one', async () => {
    const written: string[][] = [];
    const batcher = createWriteBatcher(store, () => {});
    const key = {};
    batcher.defer(() => {
      throw new Error('disk full');
    });
    batcher.deferItem(key, 'lost', (items) => written.push([...items]));
    await batcher.flush();
    batcher.deferItem(key, 'next', (items) => written.push([...items]));
    await batcher.flush();
    expect(written).toEqual([['next']]);
  });
});
