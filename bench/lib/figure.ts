import { summarize, type Summary } from './stats.js';
import type { ContenderRuns } from './rounds.js';

/** One line of a table: a label, a unit and its runs — or why it has none. */
export interface Row {
  readonly label: string;
  readonly unit: string;
  /** Absent when the row could not be measured; `missing` then says why. */
  readonly summary?: Summary;
  readonly missing?: string;
  readonly note?: string;
}

export interface Ratio {
  readonly label: string;
  /** NaN when one side was not measured. */
  readonly value: number;
  /** The target from the issues, when there is one, e.g. "≥ 0.70". */
  readonly target?: string;
}

/** The outcome of one numbered part of the bench: measured rows, or why it could not be measured. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly status: 'measured' | 'not-measured';
  readonly reason?: string;
  readonly rows: readonly Row[];
  readonly ratios: readonly Ratio[];
  /** How it was measured: sizes, durations, caveats. */
  readonly notes: readonly string[];
  /** The one line printed at the end of the run. */
  readonly summary: string;
}

export function notMeasured(id: string, title: string, reason: string): Figure {
  return { id, title, status: 'not-measured', reason, rows: [], ratios: [], notes: [], summary: `not measured: ${reason}` };
}

/** Thrown by a part whose dependency is not there yet; the runner turns it into a "not measured" figure. */
export class NotReady extends Error {}

/** A row from one contender's runs; a contender that failed part-way keeps only the reason (a partial median misleads). */
export function rowOf<R>(runs: ContenderRuns<R>, unit: string, value: (r: R) => number, label = runs.label, note?: string): Row {
  if (runs.failure !== undefined || runs.results.length === 0) {
    return { label, unit, missing: runs.failure ?? 'no run completed', ...(note ? { note } : {}) };
  }
  return { label, unit, summary: summarize(runs.results.map(value)), ...(note ? { note } : {}) };
}

/** Median over median; NaN when either side is missing. */
export function ratioOf(label: string, numerator: Row | undefined, denominator: Row | undefined, target?: string): Ratio {
  const n = numerator?.summary?.median;
  const d = denominator?.summary?.median;
  const value = n !== undefined && d !== undefined && d !== 0 ? n / d : Number.NaN;
  return { label, value, ...(target ? { target } : {}) };
}
