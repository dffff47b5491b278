import { describe, expect, it } from 'vitest';
import { agree, engineComparer } from './fixtures/compare-engines.js';
import { randomCrmDocument } from './fixtures/random-documents.js';
import { randomExpressions } from './fixtures/random-expressions.js';

describe('random expressions', () => {
  it('compiled agrees with the interpreter on 1000 random expressions × 4 documents', async () => {
    const next = randomExpressions(2026);
    let compared = 0;
    let withValue = 0;
    for (let i = 0; i < 1000; i++) {
      const expression = next();
      let compare;
      try {
        compare = engineComparer(expression);
      } catch {
        continue; // a parse error, or a construct left to the interpreter
      }
      for (let seed = 1; seed <= 4; seed++) {
        const c = await compare(randomCrmDocument(seed * 31 + i));
        if (c.interpreterMutatedInput) continue;
        expect(agree(c), `${expression}\n${JSON.stringify(c)}`).toBe(true);
        compared++;
        if ('value' in c.compiled && c.compiled.value !== undefined) withValue++;
      }
    }
    expect(compared).toBeGreaterThan(2500);
    expect(withValue).toBeGreaterThan(compared / 5);
  });
});
