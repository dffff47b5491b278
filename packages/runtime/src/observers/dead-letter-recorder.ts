import type { Failure } from '../failure.js';
import { deadLetterId } from '../engine/flow-version.js';
import type { MessageHooks, MessageState } from '../engine/message-hooks.js';
import type { WriteBatcher } from '../engine/write-batcher.js';
import type { SecretResolver } from '../secret-resolver.js';
import type { NewDeadLetter, RuntimeStore } from '../store/store-types.js';
import type { EventBus } from './event-bus.js';

type Pending = { readonly record: NewDeadLetter; readonly action: 'dead-lettered' | 'replay-failed' };

/**
 * Writes a dead letter when a message's branch fails: flow and version, node, original input, the payload at the
 * failing node, error class, message, details, attempts. Group-committed with the message's inbox removal.
 * A failed replay updates the dead letter it replayed instead of adding one.
 */
export function deadLetterRecorder(store: RuntimeStore, batcher: WriteBatcher, secrets: SecretResolver, events: EventBus): MessageHooks {
  // The dead letters of one burst fail within the same millisecond: their ISO time is made once.
  let isoMs = NaN;
  let iso = '';
  const now = () => {
    const ms = Date.now();
    if (ms !== isoMs) {
      isoMs = ms;
      iso = new Date(ms).toISOString();
    }
    return iso;
  };
  // The dead letters that fail before the next commit are written together, in it, with one depth update per flow;
  // their write is queued with the first of them, so before the inbox removal of any of their messages.
  const group = {};
  const write = (batch: readonly Pending[]) => {
    store.deadLetters.putMany(batch);
    // After the commit would be exact; within it is close enough for a live view, and costs no promise.
    if (events.active) {
      queueMicrotask(() => {
        for (const { record, action } of batch) events.emit({ type: 'dead-letter', flowId: record.flowId, id: record.id, action });
      });
    }
  };
  return {
    deadLettered(m: MessageState, nodeId: string, payload: unknown, failure: Failure, attempts: number) {
      const id = m.replayOf ?? deadLetterId(m.id, nodeId);
      const action = m.replayOf ? 'replay-failed' : 'dead-lettered';
      // Stringified once, for the row; parsed back only when redaction changed the text (a secret in an error).
      const raw = JSON.stringify(failure.details);
      const detailsJson = secrets.redact(raw);
      const details = detailsJson === raw ? failure.details : (JSON.parse(detailsJson) as Record<string, unknown>);
      const record = {
        id, messageId: m.id, flowId: m.flowId, flowVersion: m.flowVersion, nodeId, originalInput: m.original, payload,
        originalJson: m.originalJson, details, detailsJson,
        errorClass: failure.errorClass, message: secrets.redact(failure.message), attempts,
        failedAt: now(), actor: 'runtime',
      };
      batcher.deferItem<Pending>(group, { record, action }, write);
    },
  };
}
