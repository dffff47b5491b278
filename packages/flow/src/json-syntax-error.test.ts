import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error.js';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1,}', 7, 'a trailing comma before "}"'],
    ['[1,2,]', 5, 'a trailing comma before "]"'],
    ['{"a" 1}', 5, 'expected ":" after the property name but found "1"'],
    ['[1 2]', 3, 'expected "," or "]" but found "2"'],
    ['{"a":1 "b":2}', 7, `expected "," or "}" but found '"' (a comma missing before it?)`],
    ['{"a":"x', 5, 'a string is never closed'],
    ['{"a":"x\ny"}', 7, 'a line break inside a string'],
    ['{"a":"\\q"}', 6, 'invalid escape "\\q"'],
    ['{"a":01}', 5, 'malformed number "01"'],
    ['{"a":1.}', 5, 'malformed number "1."'],
    ['{"a":-}', 5, 'unexpected "-" where a value was expected'],
    ['{"a":nul}', 5, 'unexpected word "nul"'],
    ['{"a": hello}', 6, 'text values need double quotes'],
    ["{'a':1}", 1, 'property names must use double quotes'],
    ['{"a":1} x', 8, 'after the end of the JSON value'],
    ['{"a":', 5, 'the file ends inside an unclosed object'],
    ['[', 1, 'the file ends inside an unclosed array'],
    ['{"a":[1,2', 9, 'the file ends inside an unclosed array: add the missing "]"'],
    ['{', 1, 'the file ends inside an unclosed object: add the missing "}"'],
    ['', 0, 'the file ends where a value was expected'],
  ])('%j fails at offset %i: %s', (text, offset, message) => {
    const error = findJsonSyntaxError(text);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(message);
  });

  it.each([
    '{}', '[]', ' { "a" : [ 1 , -2.5e+3 , "x\\"y\\u00e9" , true , false , null , { } ] } ', '"just a string"', '0', '-0.5E-2',
  ])('accepts valid JSON %j, as JSON.parse does', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it('scans nesting far deeper than a recursive parser could without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonSyntaxError(deep)?.message).toContain('unclosed array');
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1, as editors do', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
