import { describe, expect, it } from 'vitest';
import { summariseTestRun } from './test-run';

describe('test run on the canvas', () => {
  it('folds the traces into per-node counts, last output, last error and the inputs seen', () => {
    const summary = summariseTestRun({
      traces: [
        { messageId: 'a', status: 'delivered', steps: [
          { nodeId: 'map', status: 'ok', input: { n: 1 }, output: { m: 1 } },
          { nodeId: 'check', status: 'ok', input: { m: 1 }, output: { m: 1 } },
        ] },
        { messageId: 'b', status: 'dead-lettered', steps: [
          { nodeId: 'map', status: 'ok', input: { n: 2 }, output: { m: 2 } },
          { nodeId: 'check', status: 'failed', input: { m: 2 }, error: { errorClass: 'validation', message: '/m must be < 2' } },
        ] },
      ],
    });
    expect(summary.map).toEqual({ ok: 2, failed: 0, lastOutput: { m: 2 }, inputs: [{ n: 1 }, { n: 2 }] });
    expect(summary.check).toMatchObject({ ok: 1, failed: 1, lastError: 'validation: /m must be < 2', inputs: [{ m: 1 }, { m: 2 }] });
  });
});
