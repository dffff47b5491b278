import type {
  DeadLetter, DeadLetterAction, DeadLetterFilter, DriftEvent, MessageTrace, Page, RunRecord,
} from '../runtime-api.js';

/*
 * The storage ports of the runtime. SQLite (sqlite-store.ts) is the first implementation; a shared PostgreSQL
 * store for scale-out would implement the same interfaces. Nothing outside store/ writes SQL.
 */

/** A message durably accepted and not yet delivered or dead-lettered. */
export interface InboxEntry {
  readonly messageId: string;
  readonly flowId: string;
  readonly runId: string;
  /** Node whose downstream the message enters (its source). */
  readonly nodeId: string;
  /** The message as received, JSON text (sources that read text pass it through without a parse/stringify). */
  readonly payloadJson: string;
  readonly receivedAt: number;
}

export interface InboxStore {
  add(entry: InboxEntry): void;
  remove(messageId: string): void;
  /** Entries of a flow in arrival order, after `afterSeq` (for paging through a large backlog). */
  pending(flowId: string, afterSeq: number, limit: number): { seq: number; entry: InboxEntry }[];
  count(flowId?: string): number;
}

/** What a failure records; the store adds first/last failure times, status and the audit trail. */
export type NewDeadLetter = Pick<DeadLetter,
  'id' | 'messageId' | 'flowId' | 'flowVersion' | 'nodeId' | 'originalInput' | 'payload' | 'errorClass' | 'message' | 'details' | 'attempts'
> & {
  /** The original input as JSON text when the source already had it (spares a stringify). */
  readonly originalJson?: string;
  /** `details` as JSON text when the caller already made it (spares a second stringify). */
  readonly detailsJson?: string;
  readonly failedAt: string;
  readonly actor: string;
  readonly note?: string;
};

export interface DeadLetterRepository {
  /** Inserts, or when the same id is already there (a redelivery after a crash, a failed replay) updates it to pending. */
  put(record: NewDeadLetter, action: 'dead-lettered' | 'replay-failed'): void;
  /** `put` for each entry, with one depth update per flow instead of one per dead letter. */
  putMany(entries: readonly { readonly record: NewDeadLetter; readonly action: 'dead-lettered' | 'replay-failed' }[]): void;
  list(filter: DeadLetterFilter, limit: number, cursor?: string): Page<DeadLetter>;
  get(id: string): DeadLetter | undefined;
  /** Ids of dead letters matching a filter, oldest first. */
  ids(filter: DeadLetterFilter, limit: number): string[];
  setPayload(id: string, payload: unknown, action: DeadLetterAction): void;
  setStatus(id: string, status: 'replayed' | 'discarded', action: DeadLetterAction): void;
  depth(flowId?: string): number;
  depths(): Record<string, number>;
}

export interface NewRun {
  readonly runId: string;
  readonly flowId: string;
  readonly trigger: RunRecord['trigger'];
  readonly startedAt: string;
}

export interface MessageRecord {
  readonly messageId: string;
  readonly runId: string;
  readonly flowId: string;
  readonly status: MessageTrace['status'];
  readonly receivedAt: number;
  /** The NodeStep[] as JSON text (built by the recorder in one pass, with size caps applied). */
  readonly stepsJson: string;
}

export interface RunHistoryStore {
  startRun(run: NewRun): void;
  /** Adds to a run's counters (called in the same transaction as the inbox change it reflects). */
  count(runId: string, delta: { received?: number; delivered?: number; deadLettered?: number }): void;
  endRun(runId: string, status: RunRecord['status'], endedAt: string): void;
  /** Marks runs left `running` by a process that died as stopped; returns how many. */
  stopOrphans(endedAt: string): number;
  addMessage(record: MessageRecord): void;
  listRuns(filter: { flowId?: string; status?: RunRecord['status'] }, limit: number, cursor?: string): Page<RunRecord>;
  getRun(runId: string): RunRecord | undefined;
  listMessages(filter: { runId?: string; flowId?: string; status?: MessageTrace['status'] }, limit: number, cursor?: string): Page<MessageTrace>;
  getMessage(messageId: string): MessageTrace | undefined;
  /** Deletes message traces beyond the newest `keep` (cheap: a primary-key range). */
  pruneToCount(keep: number): number;
  /** Deletes message traces older than `olderThan` (epoch ms), and ended runs without traces that ended before it. */
  pruneByAge(olderThan: number): number;
}

export interface FlowStateStore {
  markDeployed(flowId: string, file: string, at: string): void;
  markUndeployed(flowId: string): void;
  deployed(): { flowId: string; file: string }[];
  get(flowId: string, key: string): unknown;
  set(flowId: string, key: string, value: unknown): void;
  delete(flowId: string, key: string): void;
}

/** One per-minute bucket of counters and a latency histogram (counts per bound of LATENCY_BOUNDS_MS). */
export interface RollupDelta {
  readonly minute: number;
  readonly flowId: string;
  /** A node id, or FLOW_ROLLUP_NODE for the flow as a whole. */
  readonly nodeId: string;
  readonly received: number;
  readonly delivered: number;
  readonly failed: number;
  readonly deadLettered: number;
  readonly latencyCount: number;
  readonly latencySumMs: number;
  readonly buckets: readonly number[];
  readonly dlqDepth?: number;
}

export interface MetricsRollupStore {
  add(delta: RollupDelta): void;
  range(flowId: string, nodeId: string, fromMinute: number, toMinute: number): RollupDelta[];
  prune(beforeMinute: number): void;
}

export interface DriftObservation {
  readonly flowId: string;
  readonly nodeId: string;
  readonly field: string;
  readonly expected: string;
  readonly seen: string;
  readonly sample: unknown;
  readonly count: number;
  readonly at: string;
}

export interface DriftStore {
  record(observation: DriftObservation): void;
  list(flowId?: string): DriftEvent[];
}

/** Rows of a sqlite sink table (the user's own table in the data directory). */
export interface SinkTableWriter {
  write(rows: readonly { messageId: string; values: readonly unknown[] }[]): void;
  close(): void;
}

export interface RuntimeStore {
  readonly inbox: InboxStore;
  readonly deadLetters: DeadLetterRepository;
  readonly runs: RunHistoryStore;
  readonly flowState: FlowStateStore;
  readonly rollups: MetricsRollupStore;
  readonly drift: DriftStore;
  /** Runs `fn` in one transaction (one WAL commit for many writes). */
  transaction<T>(fn: () => T): T;
  /** WAL checkpoint and incremental vacuum; cheap enough to call every few seconds. */
  housekeeping(): void;
  readonly schemaVersion: number;
  close(): void;
}

export const FLOW_ROLLUP_NODE = '*';
