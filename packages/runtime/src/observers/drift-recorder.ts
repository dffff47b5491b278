import type { MessageHooks } from '../engine/message-hooks.js';
import type { DriftObservation, RuntimeStore } from '../store/store-types.js';
import type { EventBus } from './event-bus.js';

/**
 * Drift events: every coercion a validate node applied, aggregated per field and shape (count, first sample) in
 * memory and written with the periodic flush. A shape seen for the first time raises a live `drift` event.
 */
export function driftRecorder(store: RuntimeStore, events: EventBus): MessageHooks & { flush(): void } {
  // Counted in place, the time kept as a number: a drifting field fires on every message of a bulk load, so the
  // observation object and its ISO time are made once per flush, not per message.
  let pending = new Map<string, Omit<DriftObservation, 'count' | 'at'> & { count: number; atMs: number }>();
  const announced = new Set<string>();
  return {
    drift(m, nodeId, notice) {
      const key = `${m.flowId}\u0000${nodeId}\u0000${notice.field}\u0000${notice.seen}`;
      const atMs = Date.now();
      const seen = pending.get(key);
      if (seen) {
        seen.count += 1;
        seen.atMs = atMs;
      } else {
        pending.set(key, { flowId: m.flowId, nodeId, field: notice.field, expected: notice.expected, seen: notice.seen, sample: notice.sample, count: 1, atMs });
      }
      if (!announced.has(key)) {
        announced.add(key);
        events.emit({ type: 'drift', flowId: m.flowId, nodeId, field: notice.field });
      }
    },
    flush() {
      const rows = pending;
      pending = new Map();
      for (const { atMs, ...o } of rows.values()) store.drift.record({ ...o, at: new Date(atMs).toISOString() });
    },
  };
}
