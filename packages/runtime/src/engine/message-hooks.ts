import type { Failure } from '../failure.js';
import type { DriftNotice } from '../nodes/node-runner.js';

/** One message on its way through a flow. Hooks may keep their own per-message data in `steps`. */
export interface MessageState {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: string;
  readonly runId: string;
  readonly receivedAt: number;
  /** The message as the source produced it (dead letters keep it as their original input). */
  readonly original: unknown;
  /** `original` as JSON text when the source read it as text. */
  readonly originalJson?: string;
  /** Set when this is a replay of a dead letter. */
  readonly replayOf?: string;
  /** Set when the message was left in the inbox by an earlier process and is being finished now. */
  readonly resumed?: boolean;
  /** Filled by the run-history hook when it records steps. */
  steps?: StepRecord[];
}

export interface StepRecord {
  readonly nodeId: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly status: 'ok' | 'failed';
  readonly input: unknown;
  readonly output?: unknown;
  readonly failure?: Failure;
  readonly attempts?: number;
}

/**
 * The named points of a message's life. Retry is in the engine (it decides whether the message moves on);
 * dead-lettering, run history, metrics, drift and live events attach here, never as branches in the engine.
 */
export interface MessageHooks {
  received?(m: MessageState): void;
  nodeDone?(m: MessageState, nodeId: string, input: unknown, output: unknown, startedAt: number, durationMs: number, attempts: number): void;
  nodeFailed?(m: MessageState, nodeId: string, input: unknown, failure: Failure, startedAt: number, durationMs: number, attempts: number): void;
  retrying?(m: MessageState, nodeId: string, attempt: number, delayMs: number, failure: Failure): void;
  drift?(m: MessageState, nodeId: string, notice: DriftNotice): void;
  deadLettered?(m: MessageState, nodeId: string, payload: unknown, failure: Failure, attempts: number): void;
  /** The message left the flow: every branch delivered, or at least one dead-lettered. */
  completed?(m: MessageState, status: 'delivered' | 'dead-lettered', durationMs: number): void;
}

type HookName = keyof MessageHooks;

/** Calls every registered hook at a point, in registration order. */
export class HookBus {
  private readonly lists: { [K in HookName]: NonNullable<MessageHooks[K]>[] } = {
    received: [], nodeDone: [], nodeFailed: [], retrying: [], drift: [], deadLettered: [], completed: [],
  };

  add(hooks: MessageHooks): void {
    for (const name of Object.keys(this.lists) as HookName[]) {
      const fn = hooks[name];
      if (fn) (this.lists[name] as unknown[]).push(fn.bind(hooks));
    }
  }

  received(m: MessageState) {
    for (const f of this.lists.received) f(m);
  }
  nodeDone(m: MessageState, nodeId: string, input: unknown, output: unknown, startedAt: number, durationMs: number, attempts: number) {
    for (const f of this.lists.nodeDone) f(m, nodeId, input, output, startedAt, durationMs, attempts);
  }
  nodeFailed(m: MessageState, nodeId: string, input: unknown, failure: Failure, startedAt: number, durationMs: number, attempts: number) {
    for (const f of this.lists.nodeFailed) f(m, nodeId, input, failure, startedAt, durationMs, attempts);
  }
  retrying(m: MessageState, nodeId: string, attempt: number, delayMs: number, failure: Failure) {
    for (const f of this.lists.retrying) f(m, nodeId, attempt, delayMs, failure);
  }
  drift(m: MessageState, nodeId: string, notice: DriftNotice) {
    for (const f of this.lists.drift) f(m, nodeId, notice);
  }
  deadLettered(m: MessageState, nodeId: string, payload: unknown, failure: Failure, attempts: number) {
    for (const f of this.lists.deadLettered) f(m, nodeId, payload, failure, attempts);
  }
  completed(m: MessageState, status: 'delivered' | 'dead-lettered', durationMs: number) {
    for (const f of this.lists.completed) f(m, status, durationMs);
  }
}
