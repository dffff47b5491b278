import type { Failure } from '../failure.js';
import { deadLetterId } from '../engine/flow-version.js';
import type { MessageHooks, MessageState } from '../engine/message-hooks.js';
import type { WriteBatcher } from '../engine/write-batcher.js';
import type { SecretResolver } from '../secret-resolver.js';
import type { RuntimeStore } from '../store/store-types.js';
import type { EventBus } from './event-bus.js';

/**
 * Writes a dead letter when a message's branch fails: flow and version, node, original input, the payload at the
 * failing node, error class, message, details, attempts. Group-committed with the message's inbox removal.
 * A failed replay updates the dead letter it replayed instead of adding one.
 */
export function deadLetterRecorder(store: RuntimeStore, batcher: WriteBatcher, secrets: SecretResolver, events: EventBus): MessageHooks {
  return {
    deadLettered(m: MessageState, nodeId: string, payload: unknown, failure: Failure, attempts: number) {
      const id = m.replayOf ?? deadLetterId(m.id, nodeId);
      const action = m.replayOf ? 'replay-failed' : 'dead-lettered';
      const details = JSON.parse(secrets.redact(JSON.stringify(failure.details))) as Record<string, unknown>;
      const record = {
        id, messageId: m.id, flowId: m.flowId, flowVersion: m.flowVersion, nodeId, originalInput: m.original, payload,
        ...(m.originalJson !== undefined ? { originalJson: m.originalJson } : {}),
        errorClass: failure.errorClass, message: secrets.redact(failure.message), details, attempts,
        failedAt: new Date().toISOString(), actor: 'runtime',
      };
      batcher.defer(() => {
        store.deadLetters.put(record, action);
        // After the commit would be exact; within it is close enough for a live view, and costs no promise.
        if (events.active) queueMicrotask(() => events.emit({ type: 'dead-letter', flowId: m.flowId, id, action }));
      });
    },
  };
}
