import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileJsonata } from '../src/index.js';

describe('compileJsonata', () => {
  it('compiles supported expressions to a synchronous evaluate', () => {
    const c = compileJsonata('{"total": $sum(lines.(qty * price))}');
    expect(c.mode).toBe('compiled');
    const result = c.evaluate({ lines: [{ qty: 2, price: 3 }, { qty: 1, price: 4 }] });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ total: 10 });
  });

  it('falls back to the interpreter for unsupported constructs and says which', async () => {
    // the parent of a step inside a nested path: its ancestry crosses paths, which is not compiled
    const c = compileJsonata('Account.(Order).(Product).{"p": name, "o": %.OrderID}');
    expect(c.mode).toBe('interpreted');
    expect(c.mode === 'interpreted' && c.reason).toMatch(/parent operator/);
    const doc = { Account: { Order: [{ OrderID: 'o1', Product: { name: 'x' } }] } };
    expect(await c.evaluate(doc)).toEqual({ p: 'x', o: 'o1' });
    const e = compileJsonata('$eval("1 + 1")');
    expect(e.mode === 'interpreted' && e.reason).toMatch(/\$eval/);
  });

  it('compiles the parent operator within one path', () => {
    const c = compileJsonata('Account.Order.Product.{"p": name, "o": %.OrderID}');
    expect(c.mode).toBe('compiled');
    expect(c.evaluate({ Account: { Order: [{ OrderID: 'o1', Product: { name: 'x' } }] } })).toEqual({ p: 'x', o: 'o1' });
  });

  it('uses the interpreter when asked to (engine: interpreter)', async () => {
    const c = compileJsonata('a + 1', { engine: 'interpreter' });
    expect(c.mode).toBe('interpreted');
    expect(await c.evaluate({ a: 1 })).toBe(2);
  });

  it('throws the parse error for invalid expressions', () => {
    expect(() => compileJsonata('a +')).toThrow(expect.objectContaining({ code: 'S0207' }));
  });

  it('throws jsonata error objects with code and message on evaluation errors', () => {
    const c = compileJsonata('a + "x"');
    expect(() => c.evaluate({ a: 1 })).toThrow(expect.objectContaining({ code: 'T2002', message: expect.stringContaining('right side') }));
  });

  it('passes bindings as variables, and lets bindings that shadow built-ins or hold functions go to the interpreter', async () => {
    expect(compileJsonata('$rate * 2').evaluate({}, { rate: 21 })).toBe(42);
    // a binding named like a built-in shadows it, as in the interpreter (here: not a function, T1006)
    const shadow = compileJsonata('$uppercase(a)');
    await expect(Promise.resolve().then(() => shadow.evaluate({ a: 'x' }, { uppercase: 'x' }))).rejects.toMatchObject({ code: 'T1006' });
    const host = compileJsonata('$double(a)');
    expect(await host.evaluate({ a: 4 }, { double: (x: number) => x * 2 })).toBe(8);
  });

  it('gives $now() the same timestamp throughout one evaluation', () => {
    const c = compileJsonata('[$now(), $millis()]');
    const [now, millis] = c.evaluate({}) as [string, number];
    expect(new Date(now).getTime()).toBe(millis);
  });

  it('reports where an error happened the way the interpreter does (code, token, position, message)', async () => {
    const fields = (err: unknown): unknown => {
      const e = err as { code?: string; token?: string; position?: number; message?: string };
      return { code: e.code, token: e.token, position: e.position, message: e.message };
    };
    for (const expression of ['$uppercase(1)', '1 + "a"', '$sum(["a"])', 'x()', '$number("x")', 'a < "b"']) {
      let compiled: unknown;
      let interpreted: unknown;
      try {
        compileJsonata(expression).evaluate({ a: 1 });
      } catch (err) {
        compiled = fields(err);
      }
      try {
        await jsonata(expression).evaluate({ a: 1 });
      } catch (err) {
        interpreted = fields(err);
      }
      expect(compiled, expression).toEqual(interpreted);
    }
  });
});
