import type { NodeStep } from '../runtime-api.js';
import type { MessageHooks, MessageState, StepRecord } from '../engine/message-hooks.js';
import type { WriteBatcher } from '../engine/write-batcher.js';
import type { SecretResolver } from '../secret-resolver.js';
import type { RuntimeStore } from '../store/store-types.js';

export interface RunHistoryLimits {
  /** Message traces kept (newest); 0 keeps none. */
  readonly maxMessages: number;
  readonly maxAgeMs: number;
  /** Per node input/output, as JSON; larger payloads are replaced by `{ "$truncated": <bytes> }`; 0 records none. */
  readonly maxPayloadBytes: number;
}

/**
 * Run history: per run counters (received/delivered/dead-lettered, aggregated and written once per commit) and
 * per message its path through the nodes with size-capped inputs and outputs, secrets redacted.
 */
export function runRecorder(store: RuntimeStore, batcher: WriteBatcher, secrets: SecretResolver, limits: RunHistoryLimits): MessageHooks & { dispose(): void } {
  const pending = new Map<string, { received: number; delivered: number; deadLettered: number }>();
  const delta = (runId: string) => {
    let d = pending.get(runId);
    if (!d) pending.set(runId, (d = { received: 0, delivered: 0, deadLettered: 0 }));
    return d;
  };
  const dispose = batcher.onCommit(() => {
    for (const [runId, d] of pending) store.runs.count(runId, d);
    pending.clear();
  });
  const traces = limits.maxMessages > 0;

  const capture = (value: unknown): unknown => {
    if (limits.maxPayloadBytes <= 0 || value === undefined) return undefined;
    const json = JSON.stringify(value);
    if (json === undefined) return undefined;
    if (json.length > limits.maxPayloadBytes) return { $truncated: Buffer.byteLength(json) };
    const redacted = secrets.redact(json);
    return redacted === json ? value : (JSON.parse(redacted) as unknown);
  };

  const toStep = (s: StepRecord): NodeStep => ({
    nodeId: s.nodeId,
    startedAt: new Date(s.startedAt).toISOString(),
    durationMs: Math.round(s.durationMs * 1000) / 1000,
    status: s.status,
    ...(s.input !== undefined ? { input: capture(s.input) } : {}),
    ...(s.output !== undefined ? { output: capture(s.output) } : {}),
    ...(s.failure ? { error: { errorClass: s.failure.errorClass, message: secrets.redact(s.failure.message) } } : {}),
    ...(s.attempts !== undefined && s.attempts !== 1 ? { attempts: s.attempts } : {}),
  });

  return {
    dispose,
    received(m: MessageState) {
      if (!m.replayOf && !m.resumed) delta(m.runId).received += 1;
      if (traces) m.steps = [];
    },
    nodeDone(m, nodeId, input, output, startedAt, durationMs, attempts) {
      m.steps?.push({ nodeId, startedAt, durationMs, status: 'ok', input, output, attempts });
    },
    nodeFailed(m, nodeId, input, failure, startedAt, durationMs, attempts) {
      m.steps?.push({ nodeId, startedAt, durationMs, status: 'failed', input, failure, attempts });
    },
    completed(m, status) {
      const d = delta(m.runId);
      if (status === 'delivered') d.delivered += 1;
      else d.deadLettered += 1;
      const steps = m.steps;
      if (!traces || !steps) return;
      const record = { messageId: m.id, runId: m.runId, flowId: m.flowId, status, receivedAt: m.receivedAt, steps: steps.map(toStep) };
      void batcher.write(() => store.runs.addMessage(record)).catch(() => {});
    },
  };
}
