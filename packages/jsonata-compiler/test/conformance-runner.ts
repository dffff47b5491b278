import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compileJsonata } from '../src/index.js';

/**
 * Where the shared, read-only copy of the official jsonata test suite lives: beside the checkout
 * (`../shared/jsonata-suite`), or where SEAM_JSONATA_SUITE or the workplace's /work/shared put it.
 * Undefined when none is there: the suite is data we may read but not copy into the repo.
 */
export const SUITE_DIR: URL | undefined = [
  process.env.SEAM_JSONATA_SUITE && pathToFileURL(`${process.env.SEAM_JSONATA_SUITE.replace(/\/$/, '')}/`),
  new URL('../../../../shared/jsonata-suite/', import.meta.url),
  pathToFileURL('/work/shared/jsonata-suite/'),
].find((dir): dir is URL => dir instanceof URL && existsSync(new URL('cases.json', dir)));

function suiteDir(): URL {
  if (!SUITE_DIR) throw new Error('the JSONata suite is not found: set SEAM_JSONATA_SUITE to its folder');
  return SUITE_DIR;
}

/** One case of `cases.json` (see the suite's README). */
export interface SuiteCase {
  id: string;
  expr: string;
  data?: unknown;
  dataset?: string | null;
  bindings?: Record<string, unknown>;
  timelimit?: number;
  depth?: number;
  result?: unknown;
  undefinedResult?: boolean;
  code?: string;
  /** Some cases give the expected error as an object instead of `code`. */
  error?: { code?: string };
  unordered?: boolean;
}

/** How one case went. */
export interface CaseOutcome {
  id: string;
  mode: 'compiled' | 'interpreted' | 'parse-error';
  reason?: string;
  passed: boolean;
  detail?: string;
}

/** Loads all cases. */
export function loadCases(): SuiteCase[] {
  return JSON.parse(readFileSync(new URL('cases.json', suiteDir()), 'utf8')) as SuiteCase[];
}

const datasets = new Map<string, unknown>();
function inputOf(c: SuiteCase): unknown {
  if (c.dataset !== undefined && c.dataset !== null) {
    if (!datasets.has(c.dataset)) {
      datasets.set(c.dataset, JSON.parse(readFileSync(new URL(`datasets/${c.dataset}.json`, suiteDir()), 'utf8')));
    }
    return datasets.get(c.dataset);
  }
  return 'data' in c ? c.data : undefined;
}

/** JSON view of a result: drops sequence flags, null prototypes and functions, as the suite's JSON does. */
function plain(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

function sameResult(actual: unknown, expected: unknown, unordered: boolean): boolean {
  const a = plain(actual);
  if (unordered && Array.isArray(a) && Array.isArray(expected)) {
    const key = (v: unknown): string => JSON.stringify(v);
    return isDeepStrictEqual(a.map(key).sort(), expected.map(key).sort());
  }
  return isDeepStrictEqual(a, expected);
}

function codeOf(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}

/**
 * The suite's harness boxes time/depth itself and throws U1001; jsonata's own bounds (which both our
 * paths use) throw D1011 (too deep) or D1012 (too long) for the same situation.
 */
function codeMatches(actual: string | undefined, expected: string): boolean {
  if (expected === 'U1001') return actual === 'D1011' || actual === 'D1012' || actual === 'U1001';
  return actual === expected;
}

/** Runs one case through `compileJsonata` and checks the outcome against the expectation. */
export async function runCase(testCase: SuiteCase): Promise<CaseOutcome> {
  const c: SuiteCase = testCase.code === undefined && testCase.error?.code !== undefined ? { ...testCase, code: testCase.error.code } : testCase;
  const bounds = c.timelimit !== undefined ? { timeoutMs: c.timelimit, maxDepth: c.depth } : {};
  let compiled;
  try {
    compiled = compileJsonata(c.expr, bounds);
  } catch (err) {
    const code = codeOf(err);
    const passed = c.code !== undefined && codeMatches(code, c.code);
    return { id: c.id, mode: 'parse-error', passed, detail: passed ? undefined : `compile threw ${code ?? String(err)}` };
  }
  const base = { id: c.id, mode: compiled.mode, reason: compiled.mode === 'interpreted' ? compiled.reason : undefined };
  try {
    const result = await compiled.evaluate(inputOf(c), c.bindings ?? {});
    if (c.code !== undefined) return { ...base, passed: false, detail: `expected ${c.code}, got ${JSON.stringify(plain(result))}` };
    if (c.undefinedResult === true || !('result' in c)) {
      return { ...base, passed: result === undefined, detail: `expected undefined, got ${JSON.stringify(plain(result))}` };
    }
    const passed = sameResult(result, c.result, c.unordered === true);
    return { ...base, passed, detail: passed ? undefined : `expected ${JSON.stringify(c.result)}, got ${JSON.stringify(plain(result))}` };
  } catch (err) {
    const code = codeOf(err);
    if (c.code !== undefined && codeMatches(code, c.code)) return { ...base, passed: true };
    return { ...base, passed: false, detail: `threw ${code ?? String(err)}${c.code ? ` (expected ${c.code})` : ''}` };
  }
}

/** Runs every case and returns the outcomes. */
export async function runSuite(cases: SuiteCase[] = loadCases()): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) outcomes.push(await runCase(c));
  return outcomes;
}
