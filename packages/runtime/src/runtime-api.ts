/*
 * The runtime's public contract: what apps/server and apps/cli call. Implemented in this package; the server and
 * the CLI depend on these types only (plus `createRuntime`). Change it with care: both sides read it.
 */
import type { FailureClass, FlowDocument } from '@seam/flow';

/** Why a message was dead-lettered: the flow model's failure classes, which runbooks are written for. */
export type ErrorClass = FailureClass;
export type DeadLetterStatus = 'pending' | 'replayed' | 'discarded';
export type FlowRunState = 'running' | 'stopped' | 'failing';
export type BreakerState = 'closed' | 'open' | 'half-open';

/** A flow as the runtime needs it: the document and the file it came from (file sources resolve against its folder). */
export interface FlowSource {
  readonly document: FlowDocument;
  readonly file: string;
}

/** Where the runtime finds the current version of a flow (for replay and resume). */
export type FlowResolver = (flowId: string) => FlowSource | undefined;

/**
 * The server implements this so that webhook sources can receive HTTP without the runtime knowing Express.
 * `accept` resolves with the message id once the message is durably stored.
 */
export interface WebhookIngress {
  register(flowId: string, nodeId: string, options: WebhookOptions, accept: (body: unknown) => Promise<{ messageId: string }>): () => void;
}
export interface WebhookOptions {
  readonly maxBodyBytes: number;
  readonly contentTypes: readonly string[];
}

export interface RuntimeOptions {
  /** SQLite file holding inbox, dead letters, run history, metrics rollups and flow state. */
  readonly dbPath: string;
  /** Sinks write here; file and sqlite sink paths are confined to it. Also holds secrets.json. */
  readonly dataDir: string;
  readonly webhooks?: WebhookIngress;
  /** Messages processed at once per flow (default 16). */
  readonly concurrency?: number;
  /**
   * Messages admitted per flow and not yet finished — stored in the inbox, waiting or processing (default
   * max(256, 4 × concurrency)). Intake (a source, a webhook caller) waits when that many are in flight, so a slow
   * sink slows intake and memory stays bounded; the waiting part lets one inbox commit carry many messages.
   */
  readonly intakeWindow?: number;
  /** Extra secret values (tests); otherwise env SEAM_SECRET_<NAME> then <dataDir>/secrets.json. */
  readonly secrets?: Readonly<Record<string, string>>;
  /**
   * Run history: traces older than maxAgeMs (default 7 days) or beyond the newest maxMessages (default 10,000; 0
   * keeps none) are pruned; node inputs/outputs above maxPayloadBytes (default 4,096; 0 records none) are replaced
   * by `{ "$truncated": <bytes> }`. Inputs/outputs are recorded for up to payloadsPerSecond messages per flow
   * (default 50): bulk loads record every path, timing and error but only a payload sample (the DLQ keeps every
   * failed message's input and payload regardless).
   */
  readonly runHistory?: { readonly maxAgeMs?: number; readonly maxMessages?: number; readonly maxPayloadBytes?: number; readonly payloadsPerSecond?: number };
  /** Largest message a source accepts, in bytes of JSON (default 1 MiB); larger ones are dead-lettered as `validation`. */
  readonly maxMessageBytes?: number;
  /** How often metrics rollups and drift events are written, the WAL checkpointed and run history pruned (default 5,000 ms). */
  readonly housekeepingIntervalMs?: number;
  /**
   * FOR BENCHMARKING ONLY: `false` skips the durable inbox, so a crash loses the messages in flight. Never turn it
   * off in production; it exists to measure what durability costs. Default true.
   */
  readonly durableInbox?: boolean;
  /** pino-compatible logger; default writes JSON lines to stderr at info. */
  readonly logger?: RuntimeLogger;
}

export interface RuntimeLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Runtime {
  /** Compiles and starts a flow: its sources begin consuming. Recorded as deployed so `resume` restarts it. */
  deploy(flow: FlowSource): Promise<void>;
  /** Stops a flow's sources; in-flight messages finish or stay in the inbox for the next start. */
  stop(flowId: string): Promise<void>;
  /** Runs a flow whose sources are finite (file, inline, schedule with count) to completion, with optional input replacing its sources. */
  runOnce(flow: FlowSource, options?: { readonly input?: readonly unknown[] }): Promise<RunSummary>;
  /** Evaluates sample messages through every node without delivering to sinks: the designer's "test run". */
  testRun(flow: FlowSource, samples?: Readonly<Record<string, readonly unknown[]>>): Promise<TestRunResult>;
  /** Redeploys the flows recorded as deployed and finishes messages left in the inbox by a crash. */
  resume(resolve: FlowResolver): Promise<void>;
  /** Flow ids recorded as deployed (survives restarts). */
  deployedFlowIds(): string[];
  flowStatus(flowId: string): FlowStatus;

  readonly deadLetters: DeadLetterStore;
  /** Replays dead letters through the current flow version, starting at the node that failed. */
  replay(selector: DeadLetterSelector, resolve: FlowResolver, actor?: string): Promise<ReplayOutcome[]>;
  readonly runs: RunHistoryReader;
  readonly metrics: MetricsReader;
  /** Live events for SSE and metrics; returns an unsubscribe function. */
  subscribe(listener: (event: RuntimeEvent) => void): () => void;
  /** Stops intake, lets in-flight messages finish (or leaves them in the inbox), closes the database. */
  close(): Promise<void>;
}

export interface RunSummary {
  readonly flow: string;
  readonly runId: string;
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
  readonly durationMs: number;
}

export interface TestRunResult {
  /** One trace per sample message. */
  readonly traces: readonly MessageTrace[];
}

export interface FlowStatus {
  readonly flowId: string;
  readonly state: FlowRunState;
  readonly deployed: boolean;
  readonly inFlight: number;
  readonly breakers: Readonly<Record<string, BreakerState>>;
  readonly lastError?: string;
}

export interface DeadLetter {
  readonly id: string;
  readonly messageId: string;
  readonly flowId: string;
  /** Hash of the logic part of the flow that failed the message. */
  readonly flowVersion: string;
  readonly nodeId: string;
  readonly originalInput: unknown;
  readonly payload: unknown;
  readonly errorClass: ErrorClass;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly status: DeadLetterStatus;
  readonly audit: readonly DeadLetterAction[];
}

export interface DeadLetterAction {
  readonly at: string;
  readonly action: 'dead-lettered' | 'edited' | 'replayed' | 'replay-failed' | 'discarded';
  readonly actor: string;
  readonly note?: string;
}

export interface DeadLetterFilter {
  readonly flowId?: string;
  readonly nodeId?: string;
  readonly errorClass?: ErrorClass;
  readonly status?: DeadLetterStatus;
  /** ISO timestamps on lastFailedAt. */
  readonly since?: string;
  readonly until?: string;
}

export type DeadLetterSelector = { readonly ids: readonly string[] } | { readonly filter: DeadLetterFilter };

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor for the next page, absent on the last page. */
  readonly next?: string;
  readonly total: number;
}

export interface DeadLetterStore {
  list(filter: DeadLetterFilter, page?: { readonly limit?: number; readonly cursor?: string }): Page<DeadLetter>;
  get(id: string): DeadLetter | undefined;
  editPayload(id: string, payload: unknown, actor?: string): DeadLetter;
  discard(id: string, actor?: string, note?: string): DeadLetter;
  /** Pending dead letters per flow, from a maintained counter. */
  depth(flowId?: string): number;
}

export interface ReplayOutcome {
  readonly id: string;
  readonly result: 'delivered' | 'dead-lettered-again' | 'skipped';
  readonly message?: string;
}

export interface RunRecord {
  readonly runId: string;
  readonly flowId: string;
  readonly trigger: 'deploy' | 'run-once' | 'replay' | 'test';
  readonly status: 'running' | 'completed' | 'stopped' | 'failed';
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
}

export interface MessageTrace {
  readonly messageId: string;
  readonly runId: string;
  readonly flowId: string;
  readonly status: 'in-flight' | 'delivered' | 'dead-lettered' | 'filtered';
  readonly receivedAt: string;
  readonly steps: readonly NodeStep[];
}

export interface NodeStep {
  readonly nodeId: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly status: 'ok' | 'failed';
  /** Size-capped: larger payloads are replaced by `{ "$truncated": <bytes> }`. */
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: { readonly errorClass: ErrorClass; readonly message: string };
  readonly attempts?: number;
}

export interface RunHistoryReader {
  listRuns(filter: { readonly flowId?: string; readonly status?: RunRecord['status'] }, page?: { readonly limit?: number; readonly cursor?: string }): Page<RunRecord>;
  getRun(runId: string): RunRecord | undefined;
  listMessages(filter: { readonly runId?: string; readonly flowId?: string; readonly status?: MessageTrace['status'] }, page?: { readonly limit?: number; readonly cursor?: string }): Page<MessageTrace>;
  getMessage(messageId: string): MessageTrace | undefined;
}

export interface NodeCounters {
  readonly received: number;
  readonly delivered: number;
  readonly failed: number;
  readonly deadLettered: number;
}

export interface MetricsSnapshot {
  /** Keyed by flow id, then node id. */
  readonly nodes: Readonly<Record<string, Readonly<Record<string, NodeCounters & { readonly latencyMs: LatencySummary }>>>>;
  readonly flows: Readonly<Record<string, NodeCounters & { readonly dlqDepth: number; readonly driftEvents: number }>>;
}

export interface LatencySummary {
  readonly count: number;
  readonly sumMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface StatsBucket {
  /** Bucket start, ISO. */
  readonly at: string;
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
  readonly errorRate: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly dlqDepth: number;
}

export interface DriftEvent {
  readonly flowId: string;
  readonly nodeId: string;
  readonly field: string;
  readonly expected: string;
  readonly seen: string;
  readonly sample: unknown;
  readonly count: number;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

export interface MetricsReader {
  snapshot(): MetricsSnapshot;
  /** Time-bucketed figures for the UI charts, from the SQLite rollups. */
  series(flowId: string, options: { readonly windowMs: number; readonly bucketMs: number }): StatsBucket[];
  driftEvents(flowId?: string): DriftEvent[];
}

export type RuntimeEvent =
  | { readonly type: 'message'; readonly flowId: string; readonly messageId: string; readonly status: MessageTrace['status']; readonly nodeId?: string; readonly durationMs?: number }
  | { readonly type: 'node'; readonly flowId: string; readonly nodeId: string; readonly outcome: 'ok' | 'failed' | 'retry'; readonly durationMs: number }
  | { readonly type: 'dead-letter'; readonly flowId: string; readonly id: string; readonly action: DeadLetterAction['action'] }
  | { readonly type: 'flow-state'; readonly flowId: string; readonly state: FlowRunState }
  | { readonly type: 'breaker'; readonly flowId: string; readonly nodeId: string; readonly state: BreakerState }
  | { readonly type: 'drift'; readonly flowId: string; readonly nodeId: string; readonly field: string }
  | { readonly type: 'run'; readonly flowId: string; readonly runId: string; readonly status: RunRecord['status'] };
