import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileJsonata } from '../src/index.js';
import { seededRandom } from './fixtures/crm-events.js';

describe('$round shortcut', () => {
  it('rounds exactly like the interpreter (half to even on the decimal text), ties included', async () => {
    const random = seededRandom(7);
    const values: [number, number][] = [[2.5, 0], [1.005, 2], [2.675, 2], [-2.675, 2], [0.125, 2], [1e-7, 3], [123456.785, 2], [-0.004, 2], [7.005, 2]];
    for (let i = 0; i < 3000; i++) {
      const digits = Math.floor(random() * 5);
      const scale = 10 ** Math.floor(random() * 6);
      const base = Math.round(random() * 1e6) / 1e3;
      values.push([(random() < 0.5 ? -1 : 1) * (random() < 0.3 ? base : (random() * scale) / 7), digits]);
    }
    const compiled = compileJsonata('$round(x, d)');
    const interpreted = jsonata('$round(x, d)');
    for (const [x, d] of values) {
      expect(compiled.evaluate({ x, d }), `$round(${x}, ${d})`).toBe(await interpreted.evaluate({ x, d }));
    }
  });

  it('rounds numbers of any magnitude to any integer precision like the interpreter (its text steps, ported)', async () => {
    const random = seededRandom(23);
    const values: [number, number][] = [[Number.MAX_VALUE, 2], [5e-324, 3], [-5e-324, 0], [2 ** 53 + 2, -3], [1.5e21, 2], [123456.785, 2], [-0.5, 0], [1.45e-7, 8]];
    for (let i = 0; i < 3000; i++) {
      const magnitude = 10 ** (Math.floor(random() * 33) - 12);
      const digits = Math.floor(random() * 16) - 3;
      const x = (random() < 0.5 ? -1 : 1) * random() * magnitude;
      // x itself, and a near tie at this precision
      const tie = (Math.round(x * 10 ** digits) + 0.5) / 10 ** digits;
      values.push([x, digits], [tie, digits], [tie * (1 + Number.EPSILON), digits]);
    }
    const compiled = compileJsonata('$round(x, d)');
    const literal = compileJsonata('[$round(x, 0), $round(x, 2), $round(x, 9)]');
    const interpreted = jsonata('$round(x, d)');
    const interpretedLiteral = jsonata('[$round(x, 0), $round(x, 2), $round(x, 9)]');
    for (const [x, d] of values) {
      if (!Number.isFinite(x)) continue;
      expect(compiled.evaluate({ x, d }), `$round(${x}, ${d})`).toBe(await interpreted.evaluate({ x, d }));
      expect(literal.evaluate({ x }), `$round(${x}, 0|2|9)`).toEqual(await interpretedLiteral.evaluate({ x }));
    }
  });

  it('rounds exact decimal ties and their neighbours one ulp away like the interpreter', async () => {
    const random = seededRandom(11);
    const values: [number, number][] = [[447.745, 2], [-235.465, 2], [422.58500000000004, 2], [99999.5, 1], [0.00015, 4]];
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(random() * 9);
      const tie = (Math.floor(random() * 2e6) - 1e6 + 0.5) / 10 ** digits;
      values.push([tie, digits], [tie * (1 + Number.EPSILON), digits], [tie * (1 - Number.EPSILON), digits]);
    }
    const compiled = compileJsonata('$round(x, d)');
    const interpreted = jsonata('$round(x, d)');
    for (const [x, d] of values) {
      expect(compiled.evaluate({ x, d }), `$round(${x}, ${d})`).toBe(await interpreted.evaluate({ x, d }));
    }
  });
});
