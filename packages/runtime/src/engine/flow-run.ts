import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DetailedFlowError, toFailure } from '../failure.js';
import type { RuntimeLogger } from '../runtime-api.js';
import type { Admitted, EmitOptions, SourceContext, SourceRunner } from '../nodes/node-runner.js';
import type { RuntimeStore } from '../store/store-types.js';
import type { CompiledFlow } from './compile-flow.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import type { HookBus, MessageState } from './message-hooks.js';
import { MessageProcessor } from './message-processor.js';
import type { WriteBatcher } from './write-batcher.js';

export interface FlowRunOptions {
  readonly flow: CompiledFlow;
  readonly runId: string;
  readonly store: RuntimeStore;
  readonly batcher: WriteBatcher;
  readonly hooks: HookBus;
  readonly log: RuntimeLogger;
  readonly concurrency: number;
  /** Messages admitted (stored, waiting or processing) before intake waits; at least `concurrency`. */
  readonly intakeWindow: number;
  /** Write each message to the inbox before acknowledging it. Off only for benchmarks. */
  readonly durable: boolean;
  /** A `seam run`: sources that never end by themselves do one round. */
  readonly once: boolean;
  readonly maxMessageBytes: number;
  /** A source's ongoing trouble (or its end: undefined), for the flow's status. */
  readonly onSourceHealth?: (sourceId: string, error: Error | undefined) => void;
}

export const cursorKey = (sourceId: string) => `cursor:${sourceId}`;

/**
 * One run of a flow: admits messages from its sources, stores each in the inbox before its source may acknowledge
 * it (group-committed), processes it, and removes it from the inbox once it is delivered or dead-lettered.
 * Two bounds: at most `concurrency` messages are processed at once (`gate`), and at most `intakeWindow` are
 * admitted and unfinished (`intake`): a full window is what slows a source down to the pace of its sinks and keeps
 * memory bounded, while the stored-but-waiting part of the window lets one inbox commit carry many messages.
 */
export class FlowRun {
  readonly gate: ConcurrencyGate;
  readonly intake: ConcurrencyGate;
  private readonly controller = new AbortController();
  private readonly processor: MessageProcessor;
  /** Admitted messages not yet finished (delivered, dead-lettered, or left in the inbox by a stop). */
  private unfinished = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly o: FlowRunOptions) {
    // Every attempt in flight listens to the run's signal (its per-attempt timeout derives from it): more than
    // Node's default of 10 listeners is the normal case here, not a leak.
    setMaxListeners(0, this.controller.signal);
    this.gate = new ConcurrencyGate(o.concurrency);
    const window = Math.max(o.concurrency, o.intakeWindow);
    // Refill the window in bursts (from half full), so that one inbox commit stores many messages.
    this.intake = new ConcurrencyGate(window, Math.max(o.concurrency, Math.floor(window / 2)));
    this.processor = new MessageProcessor(o.flow, o.hooks, this.controller.signal, o.log);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Admits a message from `sourceId`: waits for a slot, stores it, then processes it in the background. */
  admit(sourceId: string, payload: unknown, options: EmitOptions = {}): Promise<Admitted> {
    // A free slot is taken at once: no await (and microtask hop) per message while the window is open.
    if (!this.intake.tryAcquire()) return this.intake.acquire().then(() => this.admitInSlot(sourceId, payload, options));
    try {
      return Promise.resolve(this.admitInSlot(sourceId, payload, options));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private admitInSlot(sourceId: string, payload: unknown, options: EmitOptions): Admitted {
    if (this.signal.aborted) {
      this.intake.release();
      throw this.signal.reason;
    }
    const m = this.message(sourceId, payload, options.id, options.raw);
    // Benchmark mode (no inbox) skips the stringify; the size limit then holds only for sources that read text.
    const json = this.o.durable ? (options.raw ?? JSON.stringify(payload)) : options.raw;
    const limit = options.maxBytes ?? this.o.maxMessageBytes;
    if (json !== undefined && json.length > limit) {
      this.intake.release();
      const error = new DetailedFlowError(`message is ${json.length} bytes, above the ${limit}-byte message limit`, 'validation', { bytes: json.length, limit });
      return { messageId: m.id, stored: this.reject(sourceId, json.slice(0, 4096), error, options) };
    }
    this.o.hooks.received(m);
    const stored = this.o.durable
      ? this.o.batcher.write(() => this.o.store.inbox.add({
          messageId: m.id, flowId: m.flowId, runId: m.runId, nodeId: sourceId, payloadJson: json!, receivedAt: m.receivedAt,
        }))
      : Promise.resolve();
    this.saveCursor(sourceId, options.cursor);
    this.unfinished += 1;
    stored.then(
      () => this.process(m, sourceId, payload),
      (error: unknown) => {
        this.intake.release();
        this.o.log.error({ flowId: m.flowId, err: error }, 'could not store a message in the inbox');
        this.untrack();
      },
    );
    return { messageId: m.id, stored };
  }

  /**
   * A record a source could not turn into a message: dead-lettered at the source node, with its cursor.
   * Resolves once the dead letter is committed (a no-op write queued after it shares its transaction).
   */
  reject(sourceId: string, raw: unknown, error: Error, options: EmitOptions = {}): Promise<void> {
    const m = this.message(sourceId, raw, options.id);
    const failure = toFailure(error);
    const now = Date.now();
    this.o.hooks.received(m);
    this.o.hooks.nodeFailed(m, sourceId, raw, failure, now, 0, 1);
    this.o.hooks.deadLettered(m, sourceId, raw, failure, 1);
    this.o.hooks.completed(m, 'dead-lettered', 0);
    this.saveCursor(sourceId, options.cursor);
    return this.o.batcher.write(() => {});
  }

  /** Processes messages a previous process left in the inbox (a crash, a stop). Returns how many. */
  async resumeInbox(): Promise<number> {
    if (!this.o.durable) return 0;
    const flowId = this.o.flow.flowId;
    let after = 0;
    let resumed = 0;
    // Paged, and only what was there at the start: new arrivals are processed by their own admit.
    const snapshot = this.o.store.inbox.count(flowId);
    while (resumed < snapshot && !this.signal.aborted) {
      const page = this.o.store.inbox.pending(flowId, after, Math.min(500, snapshot - resumed));
      if (page.length === 0) break;
      for (const { seq, entry } of page) {
        after = seq;
        await this.intake.acquire();
        if (this.signal.aborted) {
          this.intake.release();
          break;
        }
        resumed += 1;
        const m: MessageState = {
          id: entry.messageId, flowId, flowVersion: this.o.flow.version, runId: entry.runId, receivedAt: entry.receivedAt,
          original: JSON.parse(entry.payloadJson) as unknown, originalJson: entry.payloadJson, resumed: true,
        };
        this.o.hooks.received(m);
        const start = this.o.flow.nodes.has(entry.nodeId) ? entry.nodeId : this.o.flow.sources[0]?.id;
        if (start === undefined) {
          this.intake.release();
          continue;
        }
        this.unfinished += 1;
        this.process(m, start, m.original);
      }
    }
    return resumed;
  }

  /** Starts sources; resolves when the finite ones (or all, in a once-run) have ended. */
  async runSources(sources: readonly { id: string; runner: SourceRunner }[]): Promise<void> {
    await Promise.all(sources.map(({ id, runner }) => runner.start(this.sourceContext(id))));
  }

  sourceContext(sourceId: string): SourceContext {
    return {
      signal: this.signal,
      once: this.o.once,
      cursor: this.o.store.flowState.get(this.o.flow.flowId, cursorKey(sourceId)),
      emit: (payload, options) => this.admit(sourceId, payload, options),
      reject: (raw, error, options) => this.reject(sourceId, raw, error, options),
      saveCursor: (cursor) => this.saveCursor(sourceId, cursor),
      health: (error) => this.o.onSourceHealth?.(sourceId, error),
    };
  }

  /** Resolves when every admitted message has been delivered, dead-lettered or (on stop) left in the inbox. */
  async idle(): Promise<void> {
    while (this.unfinished > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.o.batcher.flush();
  }

  /** Stops intake and aborts in-flight work; what did not finish stays in the inbox for the next start. */
  async stop(): Promise<void> {
    this.controller.abort(new Error('flow stopped'));
    await this.idle();
  }

  private message(sourceId: string, payload: unknown, id: string | undefined, raw?: string): MessageState {
    // A plain literal (no conditional spread): this runs once per message.
    return {
      id: id !== undefined ? `${this.o.runId}:${sourceId}:${id}` : randomUUID(),
      flowId: this.o.flow.flowId,
      flowVersion: this.o.flow.version,
      runId: this.o.runId,
      receivedAt: Date.now(),
      original: payload,
      originalJson: raw,
    };
  }

  private saveCursor(sourceId: string, cursor: unknown) {
    if (cursor === undefined) return;
    const { flowState } = this.o.store;
    const flowId = this.o.flow.flowId;
    this.o.batcher.writeLatest(`${flowId}\u0000${sourceId}`, () => flowState.set(flowId, cursorKey(sourceId), cursor));
  }

  /**
   * Waits for a processing slot, runs the message, and frees its intake slot whatever happens. Without a wait for
   * a slot and with steps that answer at once, the message runs to its end (or to a sink's batch) synchronously.
   */
  private process(m: MessageState, startNode: string, payload: unknown): void {
    if (this.gate.tryAcquire()) this.processInSlot(m, startNode, payload);
    else void this.gate.acquire().then(() => this.processInSlot(m, startNode, payload));
  }

  private processInSlot(m: MessageState, startNode: string, payload: unknown): void {
    let outcome: unknown;
    try {
      if (this.signal.aborted) return this.finish(true);
      outcome = this.processor.run(m, startNode, payload);
    } catch (error) {
      return this.failed(m, error, true);
    }
    if (!(outcome instanceof Promise)) return this.processed(m, true);
    // In a flow of local steps the message now only waits for a sink's group commit: its slot goes to the next
    // message, whose row joins the same commit (with 16 slots held, a sqlite sink committed 16 rows at a time).
    const holdsSlot = !this.o.flow.localOnly;
    if (!holdsSlot) this.gate.release();
    outcome.then(() => this.processed(m, holdsSlot), (error: unknown) => this.failed(m, error, holdsSlot));
  }

  private processed(m: MessageState, holdsSlot: boolean): void {
    if (this.o.durable) this.o.batcher.defer(() => this.o.store.inbox.remove(m.id));
    this.finish(holdsSlot);
  }

  private failed(m: MessageState, error: unknown, holdsSlot: boolean): void {
    // Aborted (flow stopped): the message stays in the inbox and is resumed on the next start.
    if (!this.signal.aborted) this.o.log.error({ flowId: m.flowId, messageId: m.id, err: error }, 'message processing failed unexpectedly');
    this.finish(holdsSlot);
  }

  private finish(holdsSlot: boolean): void {
    if (holdsSlot) this.gate.release();
    this.intake.release();
    this.untrack();
  }

  private untrack(): void {
    this.unfinished -= 1;
    if (this.unfinished > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
