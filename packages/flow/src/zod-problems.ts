import type { z } from 'zod';
import { problem, type JsonPath, type Problem, type ProblemCode } from './problem.js';

/** Turns zod issues into problems with full paths and messages that say what to do. */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], at: JsonPath, code: ProblemCode): Problem[] {
  return issues.flatMap((issue) => {
    const path = [...at, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => problem([...path, key], code, `unknown field "${key}": remove it or check its spelling`));
    }
    return [problem(path, code, describeIssue(issue))];
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing field as "expected X, received undefined".
      return issue.message.includes('received undefined')
        ? `is required (expected ${issue.expected})`
        : issue.message.replace(/^Invalid input: /, '');
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}
