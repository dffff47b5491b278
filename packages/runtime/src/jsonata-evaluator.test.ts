import { FlowError } from '@seam/flow';
import { describe, expect, it } from 'vitest';
import { compileJsonata } from './jsonata-evaluator.js';

const engines = ['compiled', 'interpreter'] as const;

describe.each(engines)('JSONata evaluator (%s)', (engine) => {
  const limits = { timeoutMs: 200, maxDepth: 100, engine };

  it('evaluates a mapping', async () => {
    const evaluate = compileJsonata('{ "total": $sum(lines.(qty * price)) }', limits);
    expect(await evaluate({ lines: [{ qty: 2, price: 3 }, { qty: 1, price: 4 }] })).toEqual({ total: 10 });
  });

  it('stops endless recursion and huge ranges with a transform error', async () => {
    const started = Date.now();
    const loop = compileJsonata('($f := function($x){$f($x)}; $f(1))', limits);
    await expect(Promise.resolve().then(() => loop({}))).rejects.toThrow(/D1011|D1012/);
    const range = compileJsonata('[1..100000000]', limits);
    await expect(Promise.resolve().then(() => range({}))).rejects.toThrow(/D2014/);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(Promise.resolve().then(() => loop({}))).rejects.toBeInstanceOf(FlowError);
  });

  it('does not time out evaluations because many run at once', async () => {
    const evaluate = compileJsonata('$sum([1..2000])', { ...limits, timeoutMs: 50 });
    const results = await Promise.all(Array.from({ length: 300 }, () => evaluate({})));
    expect(new Set(results)).toEqual(new Set([2001000]));
  });
});

it('an expression that does not parse is a config error', () => {
  expect(() => compileJsonata('{ "a": ', { timeoutMs: 100, maxDepth: 10 })).toThrow(/does not parse/);
});
