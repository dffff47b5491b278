import type { MessageHooks } from '../engine/message-hooks.js';
import type { EventBus } from './event-bus.js';

/** Turns the points of a message's life into live events (only built when someone listens). */
export function eventPublisher(events: EventBus): MessageHooks {
  return {
    nodeDone(m, nodeId, _input, _output, _startedAt, durationMs) {
      if (events.active) events.emit({ type: 'node', flowId: m.flowId, nodeId, outcome: 'ok', durationMs });
    },
    nodeFailed(m, nodeId, _input, _failure, _startedAt, durationMs) {
      if (events.active) events.emit({ type: 'node', flowId: m.flowId, nodeId, outcome: 'failed', durationMs });
    },
    retrying(m, nodeId) {
      if (events.active) events.emit({ type: 'node', flowId: m.flowId, nodeId, outcome: 'retry', durationMs: 0 });
    },
    completed(m, status, durationMs) {
      if (events.active) events.emit({ type: 'message', flowId: m.flowId, messageId: m.id, status, durationMs });
    },
  };
}
