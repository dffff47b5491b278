import { apply, isFunction } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { jsonataError } from './jsonata-error.js';
import type { MatchResult } from './regex-runtime.js';
import { createSequence } from './sequence.js';

// Synchronous ports of the interpreter's string built-ins that accept a regex (matcher function).

function runMatcher(st: EvalState, matcher: unknown, str?: string): MatchResult | undefined {
  const result = apply(st, matcher, str === undefined ? [] : [str], null) as MatchResult | undefined;
  if (
    result &&
    !(typeof result.start === 'number' || (result.end as unknown) === 'number' || Array.isArray(result.groups) || isFunction(result.next))
  ) {
    throw jsonataError('T1010');
  }
  return result;
}

/** `$contains(str, token)` */
export function containsNative(st: EvalState, [str, token]: unknown[]): unknown {
  if (str === undefined || token === undefined) return undefined;
  if (typeof token === 'string') return (str as string).indexOf(token) !== -1;
  return runMatcher(st, token, str as string) !== undefined;
}

/** `$split(str, separator, limit?)` */
export function splitNative(st: EvalState, [str, separator, limit]: unknown[]): unknown {
  if (str === undefined) return undefined;
  const text = str as string;
  if ((limit as number) < 0) throw jsonataError('D3020', { value: limit, index: 3 });
  let result: string[] = [];
  if (limit === undefined || (limit as number) > 0) {
    if (typeof separator === 'string') {
      result = text.split(separator, limit as number | undefined);
    } else {
      let count = 0;
      let matches = runMatcher(st, separator, text);
      if (matches !== undefined) {
        let start = 0;
        while (matches !== undefined && (limit === undefined || count < (limit as number))) {
          result.push(text.substring(start, matches.start));
          start = matches.end;
          matches = runMatcher(st, matches.next);
          count++;
        }
        if (limit === undefined || count < (limit as number)) result.push(text.substring(start));
      } else {
        result.push(text);
      }
    }
  }
  return result;
}

/** `$match(str, regex, limit?)` */
export function matchNative(st: EvalState, [str, regex, limit]: unknown[]): unknown {
  if (str === undefined) return undefined;
  if ((limit as number) < 0) throw jsonataError('D3040', { value: limit, index: 3 });
  const result = createSequence();
  if (limit === undefined || (limit as number) > 0) {
    let count = 0;
    let matches = runMatcher(st, regex, str as string);
    while (matches !== undefined && (limit === undefined || count < (limit as number))) {
      result.push({ match: matches.match, index: matches.start, groups: matches.groups });
      matches = runMatcher(st, matches.next);
      count++;
    }
  }
  return result;
}

function substituteGroups(replacement: string, found: MatchResult): string {
  let substitute = '';
  let position = 0;
  let index = replacement.indexOf('$', position);
  while (index !== -1 && position < replacement.length) {
    substitute += replacement.substring(position, index);
    position = index + 1;
    const dollarVal = replacement.charAt(position);
    if (dollarVal === '$') {
      substitute += '$';
      position++;
    } else if (dollarVal === '0') {
      substitute += found.match;
      position++;
    } else {
      const maxDigits = found.groups.length === 0 ? 1 : Math.floor(Math.log(found.groups.length) * Math.LOG10E) + 1;
      index = parseInt(replacement.substring(position, position + maxDigits), 10);
      if (maxDigits > 1 && index > found.groups.length) {
        index = parseInt(replacement.substring(position, position + maxDigits - 1), 10);
      }
      if (!isNaN(index)) {
        if (found.groups.length > 0) {
          const submatch = found.groups[index - 1];
          if (submatch !== undefined) substitute += submatch;
        }
        position += index.toString().length;
      } else {
        substitute += '$';
      }
    }
    index = replacement.indexOf('$', position);
  }
  return substitute + replacement.substring(position);
}

/** `$replace(str, pattern, replacement, limit?)` */
export function replaceNative(st: EvalState, [str, pattern, replacement, limit]: unknown[]): unknown {
  if (str === undefined) return undefined;
  const text = str as string;
  if (pattern === '') throw jsonataError('D3010', { value: pattern, index: 2 });
  if ((limit as number) < 0) throw jsonataError('D3011', { value: limit, index: 4 });
  if (!(limit === undefined || (limit as number) > 0)) return text;
  let result = '';
  let position = 0;
  let count = 0;
  if (typeof pattern === 'string') {
    let index = text.indexOf(pattern, position);
    while (index !== -1 && (limit === undefined || count < (limit as number))) {
      result += text.substring(position, index);
      // the interpreter appends the replacement as is here, even when it is a function
      result += String(replacement);
      position = index + pattern.length;
      count++;
      index = text.indexOf(pattern, position);
    }
    return result + text.substring(position);
  }
  let matches = runMatcher(st, pattern, text);
  if (matches === undefined) return text;
  while (matches !== undefined && (limit === undefined || count < (limit as number))) {
    result += text.substring(position, matches.start);
    const replacedWith = typeof replacement === 'string'
      ? substituteGroups(replacement, matches)
      : apply(st, replacement, [matches], null);
    if (typeof replacedWith !== 'string') throw jsonataError('D3012', { value: replacedWith });
    result += replacedWith;
    position = matches.start + matches.match.length;
    count++;
    matches = runMatcher(st, matches.next);
  }
  return result + text.substring(position);
}
