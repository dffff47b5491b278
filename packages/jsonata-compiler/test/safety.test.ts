import { describe, expect, it } from 'vitest';
import { compileJsonata } from '../src/index.js';

function compiled(expression: string, options = {}) {
  const c = compileJsonata(expression, options);
  if (c.mode !== 'compiled') throw new Error(`not compiled: ${c.reason}`);
  return c;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

describe('generated code cannot reach outside the data it is given', () => {
  it('sees own fields only: no constructor, __proto__ or prototype methods', () => {
    const doc = { a: { b: 1 } };
    for (const expr of ['constructor', 'a.constructor', '__proto__', 'a.__proto__', 'a.toString', 'a.hasOwnProperty', '$.constructor.name', 'a.b.constructor']) {
      expect(compiled(expr).evaluate(doc), expr).toBeUndefined();
    }
  });

  it('reads own fields only whatever the prototype: class instances, Object.create, null prototypes, a JSON "__proto__" key', () => {
    class Point {
      x = 1;
      get secret(): number {
        throw new Error('a prototype getter ran');
      }
      norm(): number {
        return this.x;
      }
    }
    const inherits = Object.create({ inherited: 'no' }) as Record<string, unknown>;
    inherits.own = 'yes';
    const bare = Object.create(null) as Record<string, unknown>;
    bare.own = 'yes';
    const docs: [unknown, string, unknown][] = [
      [{ p: new Point() }, 'p.x', 1], [{ p: new Point() }, 'p.secret', undefined], [{ p: new Point() }, 'p.norm', undefined],
      [{ o: inherits }, 'o.own', 'yes'], [{ o: inherits }, 'o.inherited', undefined], [{ o: bare }, 'o.own', 'yes'],
      [JSON.parse('{"o": {"__proto__": {"a": 1}, "b": 2}}'), 'o.b', 2], [JSON.parse('{"o": {"__proto__": {"a": 1}}}'), 'o.a', undefined],
      [JSON.parse('{"o": {"__proto__": {"a": 1}}}'), 'o.__proto__.a', 1], [{ o: { toString: 'own' } }, 'o.toString', 'own'],
      [{ o: { valueOf: Object.prototype.valueOf } }, 'o.valueOf', Object.prototype.valueOf], // own, even if the same value
    ];
    for (const [doc, expr, expected] of docs) {
      for (const e of [expr, `$map([1], function($v) { $$.${expr} })`, `(${expr})`]) expect(compiled(e).evaluate(doc), e).toEqual(expected);
    }
  });

  it('does not see into functions: built-ins and lambdas have no fields', () => {
    for (const expr of ['$string.implementation', '$string.constructor', '$sum.signature', '(function($x) { $x }).constructor', '$string.token']) {
      expect(compiled(expr).evaluate({}), expr).toBeUndefined();
    }
  });

  it('resolves unknown variables in the bindings only, never in the JS scope', () => {
    for (const name of ['process', 'require', 'globalThis', 'global', 'Function', 'eval', 'rt', 'st', 'K', 'input', 'this']) {
      const c = compileJsonata(`$${name}`);
      const value = c.mode === 'compiled' ? c.evaluate({}) : undefined;
      expect(typeof value === 'object' || typeof value === 'function' ? 'leaked' : value, name).toBeUndefined();
    }
    expect(compiled('$process').evaluate({}, { process: 'from bindings' })).toBe('from bindings');
  });

  it('cannot pollute prototypes through object constructors', () => {
    const result = compiled('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}').evaluate({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).not.toEqual({ polluted: true });
    // `__proto__` is an ordinary own key of the result, as in JSON.parse
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  });

  it('cannot pollute prototypes through group-by keys', () => {
    const result = compiled('lines{ sku: { "polluted": true } }').evaluate({ lines: [{ sku: '__proto__' }, { sku: 'constructor' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true},"constructor":{"polluted":true}}');
  });

  it('emits field names and strings as literals, so quotes cannot break out of them', () => {
    const expr = '{"x\\"); process.exit(1); (\\"": `a"); process.exit(1); ("`}';
    expect(compiled(expr).evaluate({ 'a"); process.exit(1); ("': 5 })).toEqual({ 'x"); process.exit(1); ("': 5 });
  });
});

describe('runaway evaluations end with an error', () => {
  it('stops deep recursion at maxDepth (D1011)', () => {
    const c = compiled('($f := function($n) { $n + $f($n + 1) }; $f(1))', { maxDepth: 200 });
    expect(codeOf(() => c.evaluate({}))).toBe('D1011');
  });

  it('stops deep recursion with the default bounds instead of overflowing the stack', () => {
    const c = compiled('($f := function($n) { $n + $f($n + 1) }; $f(1))');
    expect(codeOf(() => c.evaluate({}))).toBe('D1011');
  });

  it('stops an endless tail-recursive loop at the time limit (D1012)', () => {
    const c = compiled('($f := function() { $f() }; $f())', { timeoutMs: 100 });
    const started = Date.now();
    expect(codeOf(() => c.evaluate({}))).toBe('D1012');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops long loops without any function call at the time limit (D1012)', () => {
    for (const expr of ['[1..100000].$sum([1..100000])', '$map([1..100000], function($i) { $count([1..100000]) })', '[1..100000][$count([1..100000]) > 5]']) {
      const c = compiled(expr, { timeoutMs: 200 });
      const started = Date.now();
      expect(codeOf(() => c.evaluate({})), expr).toBe('D1012');
      expect(Date.now() - started, expr).toBeLessThan(5_000);
    }
  });

  it('refuses huge ranges instead of allocating them (D2014, D2015)', () => {
    expect(codeOf(() => compiled('[1..100000000]').evaluate({}))).toBe('D2014');
    expect(codeOf(() => compiled('$count([1..2000000])', { maxSequence: 1_000_000 }).evaluate({}))).toBe('D2015');
  });

  it('runs tail recursion in constant stack (the interpreter\'s thunks)', () => {
    const c = compiled('($even := function($n) { $n = 0 ? true : $odd($n - 1) }; $odd := function($n) { $n = 0 ? false : $even($n - 1) }; $odd(20001))', { maxDepth: 100 });
    expect(c.evaluate({})).toBe(true);
  });
});
