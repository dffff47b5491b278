/** Where JSON text stops being JSON, and why, in words an analyst editing the file by hand can use. */
export interface JsonSyntaxError {
  /** 0-based character offset of the offending character (the text's length when it ended too early). */
  readonly offset: number;
  readonly message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];

/**
 * Finds the first syntax error in JSON text, or undefined when it parses. JSON.parse's own messages differ
 * between engine versions and some carry no position (or a multi-line excerpt), so Seam locates errors itself.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  // What the scanner expects next inside each open container.
  const stack: ('array' | 'object')[] = [];
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: at, message });
  const skipWhitespace = () => { while (i < text.length && WHITESPACE.has(text[i]!)) i += 1; };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : text[at] === '"' ? `'"'` : `"${text[at]}"`);

  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i += 1;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') { i += 1; return undefined; }
      if (c === '\\') {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return fail(`invalid escape "\\${e ?? ''}" in a string (write \\\\ for a backslash)`);
      } else if (c < ' ') {
        return fail(c === '\n' ? 'a line break inside a string: strings must end on the line they start (write \\n for a line break)' : 'a control character inside a string');
      } else {
        i += 1;
      }
    }
    return fail('a string is never closed: add the missing "', start);
  };

  const scanValue = (): JsonSyntaxError | 'open' | undefined => {
    const c = text[i];
    if (c === '{' || c === '[') { stack.push(c === '{' ? 'object' : 'array'); i += 1; return 'open'; }
    if (c === '"') return scanString();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      const start = i;
      i += number[0].length;
      if (/[0-9.eE]/.test(text[i] ?? '')) {
        const token = /^[-+0-9.eE]+/.exec(text.slice(start, start + 40))?.[0] ?? number[0];
        return fail(`malformed number "${token}" (no leading zeros; digits after "." and after "e")`, start);
      }
      return undefined;
    }
    const literal = LITERALS.find((l) => text.startsWith(l, i));
    if (literal) { i += literal.length; return undefined; }
    if (c === "'") return fail("strings must use double quotes (\"), not single quotes (')");
    if (c === undefined) {
      const open = stack.at(-1);
      return fail(open === undefined
        ? 'the file ends where a value was expected'
        : `the file ends inside an unclosed ${open}: add the missing "${open === 'object' ? '}' : ']'}"`);
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 40));
    if (word) return fail(`unexpected word "${word[0]}": text values need double quotes; the only bare words are true, false and null`);
    return fail(`unexpected ${describe(i)} where a value was expected`);
  };

  skipWhitespace();
  let scanned = scanValue();
  for (;;) {
    if (scanned !== undefined && scanned !== 'open') return scanned;
    // After a value or right after an opening bracket: close containers, or move to the next member or element.
    const justOpened = scanned === 'open';
    skipWhitespace();
    const container = stack.at(-1);
    if (container === undefined) break;
    const close = container === 'object' ? '}' : ']';
    if (text[i] === close) { stack.pop(); i += 1; scanned = undefined; continue; }
    if (!justOpened) {
      if (text[i] !== ',') {
        return fail(i >= text.length
          ? `the file ends inside an unclosed ${container}: add the missing "${close}"`
          : `expected "," or "${close}" but found ${describe(i)}${text[i] === '"' || text[i] === '{' ? ' (a comma missing before it?)' : ''}`);
      }
      i += 1;
      skipWhitespace();
      if (text[i] === close) return fail(`a trailing comma before "${close}": remove it`);
    }
    if (container === 'object') {
      if (text[i] !== '"') {
        return fail(text[i] === "'"
          ? "property names must use double quotes (\"), not single quotes (')"
          : i >= text.length
            ? 'the file ends inside an unclosed object: add the missing "}"'
            : `expected a property name in double quotes but found ${describe(i)}`);
      }
      const keyError = scanString();
      if (keyError) return keyError;
      skipWhitespace();
      if (text[i] !== ':') return fail(`expected ":" after the property name but found ${describe(i)}`);
      i += 1;
      skipWhitespace();
    }
    scanned = scanValue();
  }
  skipWhitespace();
  if (i < text.length) return fail(`unexpected ${describe(i)} after the end of the JSON value (a file holds one value)`);
  return undefined;
}

/** 1-based line and column of an offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
