import type { RuntimeStore } from '../store/store-types.js';

/**
 * Group commit: writes queued during one turn of the event loop run together in one SQLite transaction, so a
 * thousand messages cost one WAL commit instead of a thousand. A writer's promise resolves once its
 * transaction committed — the moment a source may acknowledge a message.
 */
export interface WriteBatcher {
  /** Queues a write for the next transaction, committed at the end of this turn of the event loop. */
  write(op: () => void): Promise<void>;
  /**
   * Queues a write nobody waits for (an inbox removal, a trace, a dead letter): it rides along with the next
   * commit, or is committed within `deferMs`. Losing it in a crash only means a redelivery.
   */
  defer(op: () => void): void;
  /**
   * `defer` for many items with one write: `item` joins the items queued under `key` for the next transaction, and
   * `write` runs once with all of them, where the first was queued (so before any write queued after any of them).
   */
  deferItem<T>(key: object, item: T, write: (items: readonly T[]) => void): void;
  /** Queues a write that replaces any earlier one with the same key in the same transaction (cursors). */
  writeLatest(key: string, op: () => void): void;
  /** Runs at the end of every transaction (aggregated counters). */
  onCommit(hook: () => void): () => void;
  /** Commits whatever is queued now. */
  flush(): Promise<void>;
  /** Commits what is queued and refuses further writes (the store is about to close). */
  close(): void;
}

export function createWriteBatcher(store: RuntimeStore, onError: (error: unknown) => void, maxOps = 2000, deferMs = 20): WriteBatcher {
  let ops: (() => void)[] = [];
  let latest = new Map<string, () => void>();
  // Items of deferItem, per key: dropped with the ops they belong to when a transaction is taken.
  let groups = new Map<object, unknown[]>();
  // One promise per transaction, shared by every write in it: a commit of a thousand inbox inserts settles one
  // promise, not a thousand.
  let waiter: { done: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  const hooks = new Set<() => void>();
  let closed = false;

  const commit = () => {
    scheduled = false;
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (closed) return;
    if (ops.length === 0 && latest.size === 0 && waiter === undefined) {
      // Aggregated counters may still need writing.
      if (hooks.size) store.transaction(() => hooks.forEach((h) => h()));
      return;
    }
    const batch = ops;
    const last = latest;
    const settle = waiter;
    ops = [];
    latest = new Map();
    groups = new Map();
    waiter = undefined;
    try {
      store.transaction(() => {
        for (const op of batch) op();
        for (const op of last.values()) op();
        for (const hook of hooks) hook();
      });
    } catch (e) {
      onError(e);
      settle?.reject(e);
      return;
    }
    settle?.resolve();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(commit);
  };

  const defer = (op: () => void) => {
    if (closed) return;
    ops.push(op);
    if (ops.length >= maxOps) commit();
    else if (!scheduled && !timer) timer = setTimeout(commit, deferMs);
  };

  return {
    write(op) {
      if (closed) return Promise.reject(new Error('the runtime is closed'));
      ops.push(op);
      waiter ??= pendingCommit();
      const done = waiter.done;
      if (ops.length >= maxOps) commit();
      else schedule();
      return done;
    },
    defer,
    deferItem(key, item, write) {
      if (closed) return;
      const group = groups.get(key);
      if (group) {
        group.push(item);
        return;
      }
      const items = [item];
      groups.set(key, items);
      defer(() => write(items));
    },
    writeLatest(key, op) {
      latest.set(key, op);
      schedule();
    },
    onCommit(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    flush() {
      commit();
      return Promise.resolve();
    },
    close() {
      commit();
      closed = true;
    },
  };
}

function pendingCommit() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be listening when a batch fails (its writers already reported it): no unhandled rejection.
  done.catch(() => {});
  return { done, resolve, reject };
}
