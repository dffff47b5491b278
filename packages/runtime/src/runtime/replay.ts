import { randomUUID } from 'node:crypto';
import type { DeadLetterSelector, FlowResolver, ReplayOutcome } from '../runtime-api.js';
import type { CompiledFlow } from '../engine/compile-flow.js';
import { MessageProcessor } from '../engine/message-processor.js';
import { compileWith, type RuntimeDeps } from './runtime-deps.js';

const MAX_BULK = 10_000;

/**
 * Replays dead letters through the current version of their flow, starting at the node that failed, with their
 * (possibly edited) payload and their original message id (so idempotent receivers see the same key).
 * Delivered: the dead letter is marked replayed. Failing again: it stays pending, updated, with `replay-failed`
 * in its audit trail. Either way nothing is lost: the dead letter is only closed once the replay delivered.
 */
export async function replayDeadLetters(deps: RuntimeDeps, selector: DeadLetterSelector, resolve: FlowResolver, actor: string): Promise<ReplayOutcome[]> {
  const { store } = deps;
  const ids = 'ids' in selector ? selector.ids : store.deadLetters.ids({ ...selector.filter, status: selector.filter.status ?? 'pending' }, MAX_BULK);
  const compiled = new Map<string, CompiledFlow | string>();
  const runs = new Map<string, string>();
  const signal = new AbortController().signal;
  const outcomes: ReplayOutcome[] = [];
  try {
    for (const id of ids) {
      const dl = store.deadLetters.get(id);
      if (!dl) {
        outcomes.push({ id, result: 'skipped', message: 'no such dead letter' });
        continue;
      }
      if (dl.status !== 'pending') {
        outcomes.push({ id, result: 'skipped', message: `already ${dl.status}` });
        continue;
      }
      let flow = compiled.get(dl.flowId);
      if (flow === undefined) {
        const source = resolve(dl.flowId);
        try {
          flow = source ? compileWith(deps, source) : `flow "${dl.flowId}" no longer exists`;
        } catch (e) {
          flow = e instanceof Error ? e.message : String(e);
        }
        compiled.set(dl.flowId, flow);
      }
      if (typeof flow === 'string') {
        outcomes.push({ id, result: 'skipped', message: flow });
        continue;
      }
      if (!flow.nodes.has(dl.nodeId)) {
        outcomes.push({ id, result: 'skipped', message: `node "${dl.nodeId}" is no longer in flow "${dl.flowId}"` });
        continue;
      }
      let runId = runs.get(dl.flowId);
      if (!runId) {
        runId = randomUUID();
        runs.set(dl.flowId, runId);
        const run = { runId, flowId: dl.flowId, trigger: 'replay' as const, startedAt: new Date().toISOString() };
        store.transaction(() => store.runs.startRun(run));
      }
      const m = { id: dl.messageId, flowId: dl.flowId, flowVersion: flow.version, runId, receivedAt: Date.now(), original: dl.originalInput, replayOf: dl.id };
      deps.hooks.received(m);
      const status = await new MessageProcessor(flow, deps.hooks, signal, deps.log).process(m, [dl.nodeId], dl.payload);
      if (status === 'delivered') {
        await deps.batcher.write(() => store.deadLetters.setStatus(id, 'replayed', { at: new Date().toISOString(), action: 'replayed', actor }));
        deps.events.emit({ type: 'dead-letter', flowId: dl.flowId, id, action: 'replayed' });
        outcomes.push({ id, result: 'delivered' });
      } else {
        await deps.batcher.flush();
        const again = store.deadLetters.get(id);
        outcomes.push({ id, result: 'dead-lettered-again', ...(again ? { message: again.message } : {}) });
      }
    }
  } finally {
    await deps.batcher.flush();
    for (const [flowId, runId] of runs) {
      store.transaction(() => store.runs.endRun(runId, 'completed', new Date().toISOString()));
      deps.events.emit({ type: 'run', flowId, runId, status: 'completed' });
    }
    for (const flow of compiled.values()) if (typeof flow !== 'string') await flow.close();
  }
  return outcomes;
}
