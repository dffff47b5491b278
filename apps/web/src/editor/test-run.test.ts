import { describe, expect, it } from 'vitest';
import type { MessageTrace, NodeStep } from '../api/api-types';
import { summariseTestRun } from './test-run';

const at = '2026-11-25T12:00:00.000Z';
const step = (s: Omit<NodeStep, 'startedAt' | 'durationMs'>): NodeStep => ({ startedAt: at, durationMs: 1, ...s });
const trace = (t: Pick<MessageTrace, 'messageId' | 'status' | 'steps'>): MessageTrace => ({ runId: 'test', flowId: 'f', receivedAt: at, ...t });

describe('test run on the canvas', () => {
  it('folds the traces into per-node counts, last output, last error and the inputs seen', () => {
    const summary = summariseTestRun({
      traces: [
        trace({ messageId: 'a', status: 'delivered', steps: [
          step({ nodeId: 'map', status: 'ok', input: { n: 1 }, output: { m: 1 } }),
          step({ nodeId: 'check', status: 'ok', input: { m: 1 }, output: { m: 1 } }),
        ] }),
        trace({ messageId: 'b', status: 'dead-lettered', steps: [
          step({ nodeId: 'map', status: 'ok', input: { n: 2 }, output: { m: 2 } }),
          step({ nodeId: 'check', status: 'failed', input: { m: 2 }, error: { errorClass: 'validation', message: '/m must be < 2' } }),
        ] }),
      ],
    });
    expect(summary.map).toEqual({ ok: 2, failed: 0, lastOutput: { m: 2 }, inputs: [{ n: 1 }, { n: 2 }] });
    expect(summary.check).toMatchObject({ ok: 1, failed: 1, lastError: 'validation: /m must be < 2', inputs: [{ m: 1 }, { m: 2 }] });
  });
});
