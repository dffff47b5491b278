import { performance } from 'node:perf_hooks';
import { abortAfter } from '../abort-after.js';
import { toFailure, type Failure } from '../failure.js';
import type { RuntimeLogger } from '../runtime-api.js';
import type { StepContext, StepRunner } from '../nodes/node-runner.js';
import { isRetryable, retryDelayMs, sleep } from '../retry/retry-policy.js';
import type { CompiledFlow, CompiledNode } from './compile-flow.js';
import type { HookBus, MessageState } from './message-hooks.js';

type Attempted = { ok: true; output: unknown; attempts: number } | { ok: false; thrown: unknown; attempts: number };

/**
 * Moves one message through a compiled flow from a given node: runs each node, applies the retry policy and
 * breaker of guarded nodes, fans out to every downstream node, and reports each point of the message's life to
 * the hooks. A failure ends its branch as a dead letter (through the hooks); an abort (flow stopped) leaves the
 * message untouched so that it stays in the inbox.
 */
export class MessageProcessor {
  constructor(
    private readonly flow: CompiledFlow,
    private readonly hooks: HookBus,
    private readonly signal: AbortSignal,
    private readonly log: RuntimeLogger,
  ) {}

  /** Processes `m` starting at the nodes `start`; resolves with its outcome, rejects only when aborted. */
  async process(m: MessageState, start: readonly string[], payload: unknown): Promise<'delivered' | 'dead-lettered'> {
    const began = performance.now();
    const ok = await this.fan(m, start, payload);
    if (this.signal.aborted) throw this.signal.reason;
    const status = ok ? 'delivered' : 'dead-lettered';
    this.hooks.completed(m, status, performance.now() - began);
    return status;
  }

  private async fan(m: MessageState, nodeIds: readonly string[], input: unknown): Promise<boolean> {
    if (nodeIds.length === 1) return this.visit(m, nodeIds[0]!, input);
    const results = await Promise.all(nodeIds.map((id) => this.visit(m, id, input)));
    return results.every(Boolean);
  }

  private async visit(m: MessageState, nodeId: string, input: unknown): Promise<boolean> {
    const node = this.flow.nodes.get(nodeId);
    if (!node) throw new Error(`node "${nodeId}" is not in flow "${this.flow.flowId}"`);
    const runner = node.runner;
    if (runner.kind === 'retry') return this.fan(m, node.next, input);
    if (runner.kind === 'source') return this.fan(m, node.next, input);
    const startedAt = Date.now();
    const t0 = performance.now();
    const result = node.policy ? await this.withRetry(m, node, runner.step, input) : await this.once(m, node, runner.step, input);
    const durationMs = performance.now() - t0;
    if (this.signal.aborted) throw this.signal.reason;
    if (!result.ok) {
      const failure = toFailure(result.thrown);
      if (failure.details.bug) this.log.error({ flowId: m.flowId, nodeId, err: result.thrown }, 'unexpected error in a node');
      this.hooks.nodeFailed(m, nodeId, input, failure, startedAt, durationMs, result.attempts);
      this.hooks.deadLettered(m, nodeId, input, failure, result.attempts);
      return false;
    }
    this.hooks.nodeDone(m, nodeId, input, result.output, startedAt, durationMs, result.attempts);
    if (node.next.length === 0) return true;
    return this.fan(m, node.next, result.output);
  }

  private context(m: MessageState, nodeId: string, signal: AbortSignal): StepContext {
    return { messageId: m.id, signal, drift: (notice) => this.hooks.drift(m, nodeId, notice) };
  }

  private async once(m: MessageState, node: CompiledNode, step: StepRunner, input: unknown): Promise<Attempted> {
    try {
      return { ok: true, output: await step.run(input, this.context(m, node.id, this.signal)), attempts: 1 };
    } catch (thrown) {
      return { ok: false, thrown, attempts: 1 };
    }
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
