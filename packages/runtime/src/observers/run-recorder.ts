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
  /**
   * Messages whose node inputs/outputs are recorded, per flow and second. At ordinary rates every message keeps
   * its payloads; under bulk load (a 1 GB file) the history keeps every path, timing and error but only a sample
   * of payloads, so recording never dominates the work. (A dead letter always keeps its input and payload in the DLQ.)
   */
  readonly payloadsPerSecond: number;
}

/**
 * Run history: per run counters (received/delivered/dead-lettered, aggregated and written once per commit) and
 * per message its path through the nodes with size-capped inputs and outputs, secrets redacted.
 * The trace's JSON is built in one pass: each payload is stringified once (a node's input is usually the previous
 * node's output, and reuses its text), which matters on the hot path.
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

  const capped = (json: string | undefined): string | undefined => {
    if (json === undefined) return undefined;
    return json.length > limits.maxPayloadBytes ? `{"$truncated":${Buffer.byteLength(json)}}` : json;
  };

  // A token bucket per flow: refilled every second.
  const budget = new Map<string, { second: number; left: number }>();
  const payloadAllowed = (flowId: string): boolean => {
    const second = Math.floor(Date.now() / 1000);
    let b = budget.get(flowId);
    if (!b || b.second !== second) budget.set(flowId, (b = { second, left: limits.payloadsPerSecond }));
    if (b.left <= 0) return false;
    b.left -= 1;
    return true;
  };

  // Steps of the messages of one burst start within the same millisecond: their ISO time is made once.
  let isoMs = NaN;
  let iso = '';
  const isoAt = (ms: number) => {
    if (ms !== isoMs) {
      isoMs = ms;
      iso = new Date(ms).toISOString();
    }
    return iso;
  };

  // A plain loop with no inner closures: this runs once per message.
  const stepsJson = (steps: readonly StepRecord[], withPayloads: boolean): string => {
    const payloads = withPayloads && limits.maxPayloadBytes > 0;
    let lastRef: unknown;
    let lastJson: string | undefined;
    let out = '[';
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (i > 0) out += ',';
      out += `{"nodeId":${JSON.stringify(s.nodeId)},"startedAt":"${isoAt(s.startedAt)}","durationMs":${Math.round(s.durationMs * 1000) / 1000},"status":"${s.status}"`;
      if (payloads) {
        // A node's input is usually the previous node's output: stringified once.
        for (const [name, value] of [['input', s.input], ['output', s.output]] as const) {
          if (value === undefined) continue;
          if (value !== lastRef || lastJson === undefined) {
            lastRef = value;
            lastJson = capped(JSON.stringify(value));
          }
          if (lastJson !== undefined) out += `,"${name}":${lastJson}`;
        }
      }
      if (s.failure) out += `,"error":${JSON.stringify({ errorClass: s.failure.errorClass, message: s.failure.message })}`;
      if (s.attempts !== undefined && s.attempts !== 1) out += `,"attempts":${s.attempts}`;
      out += '}';
    }
    return secrets.redact(`${out}]`);
  };

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
      const record = { messageId: m.id, runId: m.runId, flowId: m.flowId, status, receivedAt: m.receivedAt, stepsJson: stepsJson(steps, payloadAllowed(m.flowId)) };
      batcher.defer(() => store.runs.addMessage(record));
    },
  };
}
