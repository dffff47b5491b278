import { dirname, resolve } from 'node:path';
import { checkFlowGraph, formatPath, FlowError, nodeDefinition, type FlowDocument } from '@seam/flow';
import type { BreakerState, FlowSource, RuntimeLogger, WebhookIngress } from '../runtime-api.js';
import { runnerFor } from '../nodes/registry.js';
import type { NodeRunner, SourceRunner, StepRunner } from '../nodes/node-runner.js';
import type { RetryConfig } from '../retry/retry-policy.js';
import { CircuitBreaker } from '../retry/circuit-breaker.js';
import type { SecretResolver } from '../secret-resolver.js';
import { flowVersion } from './flow-version.js';

export interface CompiledNode {
  readonly id: string;
  readonly type: string;
  readonly runner: NodeRunner;
  readonly next: readonly string[];
  /** The retry policy of the retry node right before this one, if any (it applies to this node). */
  readonly policy?: RetryConfig;
  /** Present on nodes guarded by a retry policy: one breaker per such node. */
  readonly breaker?: CircuitBreaker;
}

/** A flow turned into a ready-to-run graph: configs parsed, expressions and schemas compiled, once. */
export interface CompiledFlow {
  readonly flowId: string;
  readonly version: string;
  readonly source: FlowSource;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  readonly sources: readonly { readonly id: string; readonly runner: SourceRunner }[];
  /**
   * Every step is local (no remote I/O) and none is under a retry policy: a message only ever waits for a local
   * group commit, which needs no processing slot (see FlowRun).
   */
  readonly localOnly: boolean;
  /** Nodes fed by each source. */
  readonly entry: (nodeId: string) => readonly string[];
  breakerStates(): Record<string, BreakerState>;
  close(): Promise<void>;
}

export interface CompileEnv {
  readonly dataDir: string;
  readonly log: RuntimeLogger;
  readonly secrets: SecretResolver;
  readonly maxMessageBytes: number;
  readonly webhooks?: WebhookIngress;
  readonly onBreaker?: (nodeId: string, state: BreakerState) => void;
}

/** Checks and compiles a flow. Throws a FlowError listing the problems when the flow cannot run. */
export function compileFlow(source: FlowSource, env: CompileEnv): CompiledFlow {
  const doc: FlowDocument = source.document;
  const problems = checkFlowGraph(doc);
  if (problems.length) {
    const listed = problems.slice(0, 5).map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ');
    throw new FlowError(`flow "${doc.id}" cannot run: ${listed}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`, { errorClass: 'config' });
  }
  const flowDir = dirname(resolve(source.file));
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);

  const runners = new Map<string, NodeRunner>();
  for (const [i, node] of doc.nodes.entries()) {
    try {
      runners.set(node.id, runnerFor(node.type).create(node.config, {
        flowId: doc.id, nodeId: node.id, flowDir, dataDir: env.dataDir, log: env.log, secrets: env.secrets,
        maxMessageBytes: env.maxMessageBytes, ...(env.webhooks ? { webhooks: env.webhooks } : {}),
      }));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new FlowError(`node "${node.id}" (${node.type}) cannot start: ${why}`, { errorClass: 'config', nodeId: node.id, path: ['nodes', i, 'config'] });
    }
  }

  // A retry node's policy applies to the nodes right after it.
  const policyOf = new Map<string, RetryConfig>();
  for (const [id, runner] of runners) {
    if (runner.kind === 'retry') for (const to of next.get(id) ?? []) policyOf.set(to, runner.policy);
  }

  const nodes = new Map<string, CompiledNode>();
  for (const node of doc.nodes) {
    const runner = runners.get(node.id)!;
    const policy = policyOf.get(node.id);
    const breaker = policy && runner.kind !== 'retry'
      ? new CircuitBreaker(node.id, policy.breaker, (state) => env.onBreaker?.(node.id, state))
      : undefined;
    nodes.set(node.id, { id: node.id, type: node.type, runner, next: next.get(node.id) ?? [], ...(policy ? { policy } : {}), ...(breaker ? { breaker } : {}) });
  }

  const sources = doc.nodes
    .filter((n) => nodeDefinition(n.type)?.kind === 'source')
    .map((n) => {
      const runner = runners.get(n.id)!;
      if (runner.kind !== 'source') throw new FlowError(`node "${n.id}" is not a source`, { errorClass: 'config' });
      return { id: n.id, runner: runner.source };
    });

  const localOnly = [...nodes.values()].every((n) => n.runner.kind === 'source' || (n.runner.kind !== 'retry' && n.runner.step.local === true && !n.policy));

  let closed = false;
  return {
    localOnly,
    flowId: doc.id,
    version: flowVersion(doc),
    source,
    nodes,
    sources,
    entry: (nodeId) => next.get(nodeId) ?? [],
    breakerStates: () => Object.fromEntries([...nodes.values()].filter((n) => n.breaker).map((n) => [n.id, n.breaker!.current])),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const runner of runners.values()) {
        const closable: SourceRunner | StepRunner | undefined = runner.kind === 'source' ? runner.source : runner.kind === 'retry' ? undefined : runner.step;
        await closable?.close?.();
      }
    },
  };
}
