import type { TestRunResult } from '../api/api-types';
import type { NodeActivity } from './editor-store';

/** Folds a test run's traces into what each node did: how many messages passed or failed, the last output or error. */
export function summariseTestRun(result: TestRunResult): Record<string, NodeActivity> {
  const byNode: Record<string, NodeActivity> = {};
  for (const trace of result.traces) {
    for (const step of trace.steps) {
      const before = byNode[step.nodeId] ?? { ok: 0, failed: 0 };
      byNode[step.nodeId] = step.status === 'ok'
        ? { ok: before.ok + 1, failed: before.failed, lastOutput: step.output, ...(before.lastError ? { lastError: before.lastError } : {}) }
        : { ...before, failed: before.failed + 1, lastError: step.error ? `${step.error.errorClass}: ${step.error.message}` : 'failed' };
    }
  }
  return byNode;
}
