import { performance } from 'node:perf_hooks';
import { abortAfter } from '../abort-after.js';
import { toFailure, type Failure } from '../failure.js';
import type { RuntimeLogger } from '../runtime-api.js';
import type { DriftNotice, StepContext, StepRunner } from '../nodes/node-runner.js';
import { isRetryable, retryDelayMs, sleep } from '../retry/retry-policy.js';
import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import type { HookBus, MessageState } from './message-hooks.js';

type Attempted = { ok: true; output: unknown; attempts: number } | { ok: false; thrown: unknown; attempts: number };
type Outcome = 'delivered' | 'dead-lettered';

/** A step's answer when it may be a promise: compiled transforms, validation and batching sinks answer at once. */
const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Moves one message through a compiled flow from a given node: runs each node, applies the retry policy and
 * breaker of guarded nodes, fans out to every downstream node, and reports each point of the message's life to
 * the hooks. A failure ends its branch as a dead letter (through the hooks); an abort (flow stopped) leaves the
 * message untouched so that it stays in the inbox.
 *
 * Steps that answer synchronously are chained synchronously: a message only goes through promises where a step
 * returned one (a sink waiting for its batch, an HTTP call), not once per node, which is most of the engine's own
 * cost per message on a file → transform → validate → table flow.
 */
export class MessageProcessor {
  constructor(
    private readonly flow: CompiledFlow,
    private readonly hooks: HookBus,
    private readonly signal: AbortSignal,
    private readonly log: RuntimeLogger,
  ) {}

  /** Processes `m` starting at the nodes `start`; resolves with its outcome, rejects only when aborted. */
  async process(m: MessageState, start: string | readonly string[], payload: unknown): Promise<Outcome> {
    return this.run(m, start, payload);
  }

  /** `process`, answering synchronously when every step on the message's way did; throws or rejects only when aborted. */
  run(m: MessageState, start: string | readonly string[], payload: unknown): Outcome | Promise<Outcome> {
    const began = performance.now();
    const ok = typeof start === 'string' ? this.visit(m, start, payload) : this.fan(m, start, payload);
    return isPromise(ok) ? Promise.resolve(ok).then((done) => this.complete(m, done, began)) : this.complete(m, ok, began);
  }

  private complete(m: MessageState, ok: boolean, began: number): Outcome {
    if (this.signal.aborted) throw this.signal.reason;
    const status = ok ? 'delivered' : 'dead-lettered';
    this.hooks.completed(m, status, performance.now() - began);
    return status;
  }

  private fan(m: MessageState, nodeIds: readonly string[], input: unknown): boolean | Promise<boolean> {
    if (nodeIds.length === 1) return this.visit(m, nodeIds[0]!, input);
    // A branch that throws at once (the flow stopped) must not leave its siblings' promises unobserved.
    const results = nodeIds.map((id) => {
      try {
        return this.visit(m, id, input);
      } catch (thrown) {
        return Promise.reject(thrown as Error);
      }
    });
    if (!results.some(isPromise)) return (results as boolean[]).every(Boolean);
    return Promise.all(results).then((all) => all.every(Boolean));
  }

  private visit(m: MessageState, nodeId: string, input: unknown): boolean | Promise<boolean> {
    const node = this.flow.nodes.get(nodeId);
    if (!node) throw new Error(`node "${nodeId}" is not in flow "${this.flow.flowId}"`);
    const runner = node.runner;
    if (runner.kind === 'retry' || runner.kind === 'source') return this.fan(m, node.next, input);
    const startedAt = Date.now();
    const t0 = performance.now();
    if (node.policy) {
      return this.withRetry(m, node, runner.step, input).then((result) => this.settle(m, node, input, result, startedAt, performance.now() - t0));
    }
    let output: unknown;
    try {
      output = runner.step.run(input, this.context(m, node.id, this.signal));
    } catch (thrown) {
      return this.settle(m, node, input, { ok: false, thrown, attempts: 1 }, startedAt, performance.now() - t0);
    }
    if (isPromise(output)) {
      return Promise.resolve(output).then(
        (value) => this.settle(m, node, input, { ok: true, output: value, attempts: 1 }, startedAt, performance.now() - t0),
        (thrown: unknown) => this.settle(m, node, input, { ok: false, thrown, attempts: 1 }, startedAt, performance.now() - t0),
      );
    }
    return this.settle(m, node, input, { ok: true, output, attempts: 1 }, startedAt, performance.now() - t0);
  }

  /** Reports a node's result and moves the message on (or ends its branch as a dead letter). */
  private settle(m: MessageState, node: CompiledNode, input: unknown, result: Attempted, startedAt: number, durationMs: number): boolean | Promise<boolean> {
    if (this.signal.aborted) throw this.signal.reason;
    if (!result.ok) {
      const failure = toFailure(result.thrown);
      if (failure.details.bug) this.log.error({ flowId: m.flowId, nodeId: node.id, err: result.thrown }, 'unexpected error in a node');
      this.hooks.nodeFailed(m, node.id, input, failure, startedAt, durationMs, result.attempts);
      this.hooks.deadLettered(m, node.id, input, failure, result.attempts);
      return false;
    }
    this.hooks.nodeDone(m, node.id, input, result.output, startedAt, durationMs, result.attempts);
    if (node.next.length === 0) return true;
    return this.fan(m, node.next, result.output);
  }

  private context(m: MessageState, nodeId: string, signal: AbortSignal): StepContext {
    return { messageId: m.id, signal, drift: driftReporter(this.hooks, m, nodeId) };
  }

  private async withRetry(m: MessageState, node: CompiledNode, step: StepRunner, input: unknown): Promise<Attempted> {
    const policy = node.policy!;
    const breaker = node.breaker;
    let attempts = 0;
    for (;;) {
      let trial = false;
      try {
        if (breaker) trial = await breaker.admit(this.signal);
      } catch (thrown) {
        return { ok: false, thrown, attempts };
      }
      attempts += 1;
      const attempt = abortAfter(this.signal, policy.attemptTimeoutMs);
      let failure: Failure;
      let thrown: unknown;
      try {
        const output = await step.run(input, this.context(m, node.id, attempt.signal));
        breaker?.success(trial);
        return { ok: true, output, attempts };
      } catch (e) {
        thrown = e;
        failure = toFailure(e);
      } finally {
        attempt.dispose();
      }
      if (this.signal.aborted) return { ok: false, thrown, attempts };
      if (!isRetryable(failure, policy)) {
        breaker?.release(trial);
        return { ok: false, thrown, attempts };
      }
      breaker?.failure(trial);
      if (attempts >= policy.attempts) return { ok: false, thrown, attempts };
      const delay = retryDelayMs(attempts, policy, failure);
      this.hooks.retrying(m, node.id, attempts, delay, failure);
      try {
        await sleep(delay, this.signal);
      } catch {
        return { ok: false, thrown, attempts };
      }
    }
  }
}

// Made outside the context's object literal: there, tsx/esbuild's keepNames would name the arrow (a
// defineProperty) for every message and node.
function driftReporter(hooks: HookBus, m: MessageState, nodeId: string): (notice: DriftNotice) => void {
  return (notice) => hooks.drift(m, nodeId, notice);
}
