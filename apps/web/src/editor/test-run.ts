import type { TestRunResult } from '../api/api-types';
import type { NodeActivity } from './editor-store';

/** Folds a test run's traces into what each node did: how many messages passed or failed, the last output or error. */
export function summariseTestRun(result: TestRunResult): Record<string, NodeActivity> {
  const byNode: Record<string, NodeActivity> = {};
  for (const trace of result.traces) {
    for (const step of trace.steps) {
      const before = byNode[step.nodeId] ?? { ok: 0, failed: 0 };
      const inputs = step.input === undefined ? before.inputs : [...(before.inputs ?? []), step.input];
      const seen = { ...before, ...(inputs ? { inputs } : {}) };
      byNode[step.nodeId] = step.status === 'ok'
        ? { ...seen, ok: before.ok + 1, lastOutput: step.output }
        : { ...seen, failed: before.failed + 1, lastError: step.error ? `${step.error.errorClass}: ${step.error.message}` : 'failed' };
    }
  }
  return byNode;
}
