/**
 * Collects items from concurrent callers and hands them to `flush` together: when `size` have gathered, or at
 * the end of the current turn of the event loop. Each caller's promise settles with its batch.
 */
export function createBatchQueue<T>(size: number, flush: (items: T[]) => Promise<void> | void) {
  let items: T[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();

  const run = () => {
    scheduled = false;
    if (items.length === 0) return;
    const batch = items;
    const settle = waiters;
    items = [];
    waiters = [];
    // Batches are flushed one after another, in order.
    chain = chain.then(async () => {
      try {
        await flush(batch);
        for (const w of settle) w.resolve();
      } catch (e) {
        for (const w of settle) w.reject(e);
      }
    });
  };

  return {
    push(item: T): Promise<void> {
      items.push(item);
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      if (items.length >= size) run();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(run);
      }
      return done;
    },
    async drain(): Promise<void> {
      run();
      await chain;
    },
  };
}
