import { describe, expect, it } from 'vitest';
import { runSuite, SUITE_DIR, type CaseOutcome } from './conformance-runner.js';

/** Floor for the share of all suite cases that run compiled (measured 96.6%; issue target 80%). */
const COMPILED_FLOOR = 0.95;

if (!SUITE_DIR) console.warn('jsonata conformance skipped: the shared suite (../shared/jsonata-suite) is not on this machine; set SEAM_JSONATA_SUITE');

describe.skipIf(!SUITE_DIR)('the official JSONata test suite through compileJsonata', () => {
  let outcomes: CaseOutcome[] = [];

  it('gives the expected result or error code for every case', async () => {
    outcomes = await runSuite();
    const failures = outcomes.filter((o) => !o.passed).map((o) => `${o.id} [${o.mode}]: ${o.detail ?? ''}`);
    expect(outcomes.length).toBeGreaterThan(1300);
    expect(failures).toEqual([]);
  }, 120_000);

  it('runs most cases compiled and says why the others are interpreted', () => {
    const compiled = outcomes.filter((o) => o.mode === 'compiled').length;
    const parseErrors = outcomes.filter((o) => o.mode === 'parse-error').length;
    const reasons = new Map<string, number>();
    for (const o of outcomes) {
      if (o.mode === 'interpreted') reasons.set(o.reason ?? '?', (reasons.get(o.reason ?? '?') ?? 0) + 1);
    }
    const share = compiled / outcomes.length;
    console.log(
      `jsonata suite: ${outcomes.length} cases, ${compiled} compiled (${(100 * share).toFixed(1)}% of all, ` +
        `${((100 * compiled) / (outcomes.length - parseErrors)).toFixed(1)}% of those that parse), ` +
        `${parseErrors} parse errors, interpreted because: ${JSON.stringify(Object.fromEntries(reasons))}`,
    );
    expect(outcomes.filter((o) => o.mode === 'interpreted').every((o) => (o.reason ?? '').length > 0)).toBe(true);
    expect(share).toBeGreaterThanOrEqual(COMPILED_FLOOR);
  });
});
