import type { z } from 'zod';
import { problem, type JsonPath, type Problem, type ProblemCode } from './problem.js';

/**
 * Turns zod issues into problems with full paths and messages that say what to do. `root` is the value that was
 * parsed (relative to `at`): with it a missing field reads "is required" rather than "expected one of …".
 */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], at: JsonPath, code: ProblemCode, root?: unknown): Problem[] {
  // zod runs every check of a field; the first failing one (declared first: "must not be empty" before "must
  // start with a letter") is the one to fix, and a second sentence about the same spot is noise.
  const seenPaths = new Set<string>();
  const firstPerPath = issues.filter((issue) => {
    if (issue.code === 'unrecognized_keys') return true;
    const key = JSON.stringify(issue.path.map(String));
    if (seenPaths.has(key)) return false;
    seenPaths.add(key);
    return true;
  });
  return firstPerPath.flatMap((issue) => {
    const relative = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const path = [...at, ...relative];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => problem([...path, key], code, `unknown field "${key}": remove it or check its spelling`));
    }
    const found = root !== undefined ? valueAt(root, relative) : undefined;
    const missing = root !== undefined ? found === undefined : issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return [problem(path, code, missing ? describeMissing(issue) : describeIssue(issue, found))];
  });
}

/** The value at a path, or undefined when the path names a field that is not there. */
function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function describeMissing(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `is required: ${describeIssue(issue)}`;
  if (issue.code === 'invalid_type') return `is required (${expectedPhrase(issue.expected)})`;
  return 'is required';
}

/** zod's own default messages begin like this; any other message was written for Seam's users and is kept. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too big|Too small|Unrecognized)/;

function describeIssue(issue: z.core.$ZodIssue, found?: unknown): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const received = found !== undefined ? describeValue(found) : /received (\w+)$/.exec(issue.message)?.[1];
      return `must be ${expectedPhrase(issue.expected)}${received ? `, not ${found !== undefined ? received : article(received)}` : ''}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return bound('at most', issue.origin, issue.maximum, issue.inclusive ?? true, 'less than');
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return bound('at least', issue.origin, issue.minimum, issue.inclusive ?? true, 'more than');
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern ? `must match the pattern ${issue.pattern}` : `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function bound(inclusiveWord: string, origin: string, limit: number | bigint, inclusive: boolean, exclusiveWord: string): string {
  const word = inclusive ? inclusiveWord : exclusiveWord;
  if (origin === 'string') return `must be ${word} ${limit} characters long`;
  if (origin === 'array' || origin === 'set') return `must have ${word} ${limit} items`;
  return `must be ${word} ${limit}`;
}

const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list (JSON array)',
};

function expectedPhrase(expected: string): string {
  return EXPECTED[expected] ?? article(expected);
}

function article(noun: string): string {
  if (noun === 'null' || noun === 'undefined') return noun;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** A short rendering of the value the user wrote, so the message shows what was found. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return String(value);
}
