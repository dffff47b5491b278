import { FlowError } from '@seam/flow';
import type { FlowSource, MessageTrace, TestRunResult } from '../runtime-api.js';
import type { CompiledFlow, CompiledNode } from '../engine/compile-flow.js';
import { HookBus, type MessageState, type StepRecord } from '../engine/message-hooks.js';
import { MessageProcessor } from '../engine/message-processor.js';
import { compileWith, type RuntimeDeps } from './runtime-deps.js';

/**
 * The designer's test run: sample messages through every node, sinks not called, nothing stored. Each trace
 * shows every node's input and output (or error), as the live preview needs.
 */
export async function testRunFlow(deps: RuntimeDeps, source: FlowSource, samples?: Readonly<Record<string, readonly unknown[]>>): Promise<TestRunResult> {
  const real = compileWith(deps, source);
  const dry: CompiledFlow = { ...real, nodes: new Map([...real.nodes].map(([id, node]) => [id, dryRun(node)])) };
  const finished: { m: MessageState; status: MessageTrace['status'] }[] = [];
  const hooks = new HookBus();
  hooks.add({
    nodeDone: (m, nodeId, input, output, startedAt, durationMs) => m.steps?.push({ nodeId, input, output, startedAt, durationMs, status: 'ok' }),
    nodeFailed: (m, nodeId, input, failure, startedAt, durationMs) => m.steps?.push({ nodeId, input, failure, startedAt, durationMs, status: 'failed' }),
  });
  const processor = new MessageProcessor(dry, hooks, new AbortController().signal, deps.log);
  try {
    for (const { id: sourceId } of real.sources) {
      const messages = samples?.[sourceId] ?? source.document.samples[sourceId] ?? inlineMessages(source, sourceId);
      for (const [i, payload] of messages.entries()) {
        const m: MessageState = {
          id: `test:${sourceId}:${i}`, flowId: real.flowId, flowVersion: real.version, runId: 'test', receivedAt: Date.now(), original: payload, steps: [],
        };
        const status = await processor.process(m, [sourceId], payload);
        finished.push({ m, status });
      }
    }
  } finally {
    await real.close();
  }
  return {
    traces: finished.map(({ m, status }) => ({
      messageId: m.id, runId: 'test', flowId: m.flowId, status, receivedAt: new Date(m.receivedAt).toISOString(),
      steps: (m.steps ?? []).map(toStep),
    })),
  };
}

function dryRun(node: CompiledNode): CompiledNode {
  if (node.runner.kind !== 'sink') return { id: node.id, type: node.type, runner: node.runner, next: node.next };
  return { id: node.id, type: node.type, next: node.next, runner: { kind: 'sink', step: { run: () => undefined } } };
}

function inlineMessages(source: FlowSource, nodeId: string): readonly unknown[] {
  const node = source.document.nodes.find((n) => n.id === nodeId);
  if (node?.type !== 'inline') return [];
  const messages = (node.config as { messages?: unknown }).messages;
  if (messages !== undefined && !Array.isArray(messages)) throw new FlowError(`inline source "${nodeId}" needs a list of messages`, { errorClass: 'config' });
  return messages ?? [];
}

function toStep(s: StepRecord) {
  return {
    nodeId: s.nodeId,
    startedAt: new Date(s.startedAt).toISOString(),
    durationMs: Math.round(s.durationMs * 1000) / 1000,
    status: s.status,
    ...(s.input !== undefined ? { input: s.input } : {}),
    ...(s.output !== undefined ? { output: s.output } : {}),
    ...(s.failure ? { error: { errorClass: s.failure.errorClass, message: s.failure.message } } : {}),
  };
}
