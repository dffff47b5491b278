import { describe, expect, it } from 'vitest';
import { agree, engineComparer } from './fixtures/compare-engines.js';
import { crmEvent } from './fixtures/crm-events.js';
import { flowExpression, grouping, reshape, crmToBilling } from './fixtures/mappings.js';
import { randomCrmDocument } from './fixtures/random-documents.js';

const DOCUMENTS = 400;

const mappings: [string, string][] = [
  ['crm-to-billing (flow file)', crmToBilling.expression],
  ['array reshape with $map/$filter', reshape.expression],
  ['aggregation with grouping', grouping.expression],
  ['orders-ndjson (flow file)', flowExpression('orders-ndjson')],
  ['poll-with-cursor (flow file)', flowExpression('poll-with-cursor')],
];

describe('compiled mappings agree with the interpreter on random documents', () => {
  for (const [name, expression] of mappings) {
    it(`${name}: same value (or both an error) on ${DOCUMENTS} drifting documents`, async () => {
      const compare = engineComparer(expression);
      let values = 0;
      let sameErrorCode = 0;
      let errors = 0;
      let skipped = 0;
      for (let seed = 1; seed <= DOCUMENTS; seed++) {
        const doc = randomCrmDocument(seed);
        const c = await compare(doc);
        if (c.interpreterMutatedInput) {
          skipped++;
          continue;
        }
        expect(agree(c), `seed ${seed}: ${JSON.stringify(c)} on ${JSON.stringify(doc)}`).toBe(true);
        if ('value' in c.compiled && c.compiled.value !== undefined) values++;
        if ('error' in c.compiled && 'error' in c.interpreted) {
          errors++;
          if (c.compiled.error === c.interpreted.error) sameErrorCode++;
        }
      }
      expect(skipped).toBeLessThan(DOCUMENTS / 10);
      // the documents must exercise the mapping, not just its error paths
      expect(values).toBeGreaterThan(DOCUMENTS / 4);
      // most failing documents have a single fault, and then the code is the same
      expect(sameErrorCode).toBeGreaterThanOrEqual(errors * 0.6);
    });
  }

  it('the bench mappings give identical values on well-formed CRM events', async () => {
    for (const expression of [crmToBilling.expression, reshape.expression, grouping.expression]) {
      const compare = engineComparer(expression);
      for (let i = 0; i < 200; i++) {
        const c = await compare(crmEvent(i));
        expect(c.compiled).toEqual(c.interpreted);
        expect('value' in c.compiled && c.compiled.value !== undefined).toBe(true);
      }
    }
  });
});
