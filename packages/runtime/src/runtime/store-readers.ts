import { FlowError } from '@seam/flow';
import type { DeadLetter, DeadLetterStore, RunHistoryReader } from '../runtime-api.js';
import type { EventBus } from '../observers/event-bus.js';
import type { RuntimeStore } from '../store/store-types.js';

const PAGE_MAX = 1000;
const limitOf = (page?: { limit?: number }) => Math.max(1, Math.min(PAGE_MAX, page?.limit ?? 50));
const now = () => new Date().toISOString();

/** The DLQ as the server and CLI see it: paged reads, and audited edits of pending entries only. */
export function deadLetterFacade(store: RuntimeStore, events: EventBus): DeadLetterStore {
  function changePending(id: string, change: (dl: DeadLetter) => void, action: 'edited' | 'discarded'): DeadLetter {
    const dl = store.deadLetters.get(id);
    if (!dl) throw new FlowError(`no dead letter "${id}"`, { errorClass: 'config' });
    if (dl.status !== 'pending') throw new FlowError(`dead letter "${id}" is already ${dl.status}`, { errorClass: 'config', conflict: true });
    store.transaction(() => change(dl));
    events.emit({ type: 'dead-letter', flowId: dl.flowId, id, action });
    return store.deadLetters.get(id)!;
  }
  return {
    list: (filter, page) => store.deadLetters.list(filter, limitOf(page), page?.cursor),
    get: (id) => store.deadLetters.get(id),
    editPayload: (id, payload, actor = 'user') =>
      changePending(id, () => store.deadLetters.setPayload(id, payload, { at: now(), action: 'edited', actor }), 'edited'),
    discard: (id, actor = 'user', note) =>
      changePending(id, () => store.deadLetters.setStatus(id, 'discarded', { at: now(), action: 'discarded', actor, ...(note !== undefined ? { note } : {}) }), 'discarded'),
    depth: (flowId) => store.deadLetters.depth(flowId),
  };
}

export function runHistoryReader(store: RuntimeStore): RunHistoryReader {
  return {
    listRuns: (filter, page) => store.runs.listRuns(filter, limitOf(page), page?.cursor),
    getRun: (runId) => store.runs.getRun(runId),
    listMessages: (filter, page) => store.runs.listMessages(filter, limitOf(page), page?.cursor),
    getMessage: (messageId) => store.runs.getMessage(messageId),
  };
}
