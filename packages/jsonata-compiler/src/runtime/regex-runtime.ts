import { jsonataError } from './jsonata-error.js';

/** What a matcher returns: the interpreter's regex match protocol. */
export interface MatchResult {
  match: string;
  start: number;
  end: number;
  groups: string[];
  next: () => MatchResult | undefined;
}

/** A regex literal's value: a closure over a fresh RegExp, like the interpreter's `evaluateRegex`. */
export function regexMatcher(source: RegExp): (str: string, fromIndex?: number) => MatchResult | undefined {
  const re = new RegExp(source);
  const closure = (str: string, fromIndex?: number): MatchResult | undefined => {
    re.lastIndex = fromIndex ?? 0;
    const found = re.exec(str);
    if (found === null) return undefined;
    const result: MatchResult = {
      match: found[0],
      start: found.index,
      end: found.index + found[0].length,
      groups: found.slice(1) as string[],
      next: () => {
        if (re.lastIndex >= str.length) return undefined;
        const next = closure(str, re.lastIndex);
        if (next !== undefined && next.match === '') {
          // a zero-length match would never advance
          throw jsonataError('D1004', { value: source.source });
        }
        return next;
      },
    };
    return result;
  };
  return closure;
}
