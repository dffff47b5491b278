import { describe, expect, it } from 'vitest';
import { applyCoercions } from './coercions.js';
import type { DriftNotice } from './node-runner.js';

function coerce(message: unknown, coercions: Parameters<typeof applyCoercions>[1]) {
  const drift: DriftNotice[] = [];
  return { out: applyCoercions(message, coercions, (n) => drift.push(n)), drift };
}

describe('coercions', () => {
  it('turns Unix seconds and milliseconds into ISO-8601 and reports each as drift', () => {
    const { out, drift } = coerce({ a: 1767225600, b: 1767225600000, c: '2026-01-01T00:00:00Z' }, [
      { pointer: '/a', as: 'date-time' }, { pointer: '/b', as: 'date-time' }, { pointer: '/c', as: 'date-time' },
    ]);
    expect(out).toEqual({ a: '2026-01-01T00:00:00.000Z', b: '2026-01-01T00:00:00.000Z', c: '2026-01-01T00:00:00Z' });
    expect(drift.map((d) => `${d.field} ${d.seen}`)).toEqual(['/a Unix seconds', '/b Unix milliseconds']);
    expect(drift[0]).toMatchObject({ expected: 'ISO-8601 date-time', sample: 1767225600 });
  });

  it('accepts numeric strings as numbers and leaves non-numeric strings for the schema to reject', () => {
    const { out, drift } = coerce({ n: '12.5', bad: 'twelve' }, [{ pointer: '/n', as: 'number' }, { pointer: '/bad', as: 'number' }]);
    expect(out).toEqual({ n: 12.5, bad: 'twelve' });
    expect(drift).toHaveLength(1);
  });

  it('applies to every array item with * and never mutates the input', () => {
    const input = { lines: [{ amount: '1' }, { amount: 2 }, { amount: '3' }] };
    const frozen = JSON.stringify(input);
    const { out, drift } = coerce(input, [{ pointer: '/lines/*/amount', as: 'number' }]);
    expect(out).toEqual({ lines: [{ amount: 1 }, { amount: 2 }, { amount: 3 }] });
    expect(JSON.stringify(input)).toBe(frozen);
    expect(drift.map((d) => d.field)).toEqual(['/lines/*/amount', '/lines/*/amount']);
  });

  it('returns the same object when nothing needs coercing', () => {
    const input = { a: 'x', b: true };
    expect(coerce(input, [{ pointer: '/a', as: 'string' }, { pointer: '/missing', as: 'number' }]).out).toBe(input);
  });

  it('coerces strings and booleans both ways', () => {
    const { out } = coerce({ s: 42, t: 'true', u: 0 }, [{ pointer: '/s', as: 'string' }, { pointer: '/t', as: 'boolean' }, { pointer: '/u', as: 'boolean' }]);
    expect(out).toEqual({ s: '42', t: true, u: false });
  });
});
