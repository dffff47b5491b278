import { describe, expect, it } from 'vitest';
import { agreeExactly, engineComparer } from './fixtures/compare-engines.js';

// The aggregate loops ($sum/$average/$max/$min over a path), array constructors of one path, the
// literal-precision $round, the group-by
// table and the skipped normalisation of scalar calls must give the interpreter's value or error code on
// the inputs their fast cases do not cover.
const line = (qty: unknown, unitPrice: unknown, sku: unknown = 'A'): Record<string, unknown> => ({ sku, qty, unitPrice });
const DOCS: unknown[] = [
  { lines: [line(2, 1.5), line(3, 2.25, 'B'), line(1, 0.125)] },
  { lines: [] },
  { lines: line(4, 2.5) },
  { lines: [line(4, 2.5)] },
  { lines: [line(-0, 3), line(0, -0)] },
  { lines: [line(-0, 1)] },
  { lines: [line(2 ** 53, 1), line(1, 1), line(1e308, 10)] },
  { lines: [line('2', 1), line(3, 4)] },
  { lines: [line(2, 1), line(null, 4)] },
  { lines: [line(true, 1)] },
  { lines: [{ sku: 'A' }, line(3, 4), { qty: 5 }] },
  { lines: [line([1, 2], [3, 4]), line(5, 6)] },
  { lines: [line([7], [2]), line([], 1)] },
  { lines: [line([[1, 2], 3], 1)] },
  { lines: [line([], 1), line([[1, 2]], 1)] },
  { lines: [[line(1, 2), line(3, 4)], line(5, 6, 'B')] },
  { lines: [line(1, 2, 1), line(1, 2)] },
  { lines: [line(1, 2, ['x']), line(1, 2, 'x')] },
  { lines: [line(1, 2, '__proto__'), line(3, 4, 'constructor'), line(5, 6, 'toString')] },
  { lines: [line(1, 2, '_jsonata_lambda')] },
  { lines: [line(1, 2, '10'), line(1, 2, 'b'), line(1, 2, '2'), line(3, 4, '10'), line(1, 1, '01')] },
  { lines: Array.from({ length: 30 }, (_, i) => line(i, i / 4, `k${i % 11}`)) },
  { lines: [line(1.005, 1), line(2.675, 1, 'B'), line(-2.675, 1, 'C'), line(0.125, 1, 'D')] },
  { lines: [line(0, -1), line(-2, 0)] },
  { lines: [line(0, -1, 'B')] },
  { lines: [line(-0.001, 1), line(-0.004, 1, 'B'), line(-1e-6, 3, 'C')] },
  { lines: 'text' },
  { lines: null },
  {},
  [{ lines: [line(1, 2)] }, { lines: [line(3, 4, 'B')] }],
  [line(1, 2), [line(5, 6), [line(7, 8)]], 9, null, line(-0, 1)],
  [line(1, 2), line('3', 4)],
  [line([1, 2], 3), line(4, [])],
];

// JSON text keeps -0 (JSON.stringify does not)
const TEXTS = [
  '{"lines":[{"sku":"A","qty":-0,"unitPrice":-0}]}',
  '{"lines":[{"sku":"A","qty":-0,"unitPrice":1},{"sku":"A","qty":-0,"unitPrice":2}]}',
  '{"lines":[{"sku":"A","qty":0,"unitPrice":1},{"sku":"A","qty":-0,"unitPrice":1}]}',
  '{"lines":[{"sku":"A","qty":-0,"unitPrice":1},{"sku":"A","qty":0,"unitPrice":1}]}',
  '[{"qty":0},{"qty":-0}]',
  '[{"qty":-0},{"qty":0}]',
];

const EXPRESSIONS = [
  '$sum(lines.qty)',
  '$sum(qty)',
  '$average(qty)',
  '$max(unitPrice)',
  '$min(qty)',
  '$sum($.qty)',
  '$average($.(qty * unitPrice))',
  '[$.qty]',
  '[$.(qty)]',
  'lines{ sku: [$.qty] }',
  'lines{ sku: [$.[qty]] }',
  'lines{ sku: $average(qty) }',
  'lines{ sku: $min(unitPrice) }',
  'lines{ sku: $sum(unitPrice) }',
  '$sum(lines.(qty * unitPrice))',
  '$sum($.lines.qty)',
  '$average(lines.(qty * unitPrice))',
  '$average(lines.unitPrice)',
  '$max(lines.unitPrice)',
  '$max(lines.(qty - unitPrice))',
  '$min(lines.qty)',
  '$min($.lines.(qty))',
  '$sum(lines.[qty])',
  '$sum(lines.(qty ? qty : undefined))',
  '$sum(lines[qty > 1].qty)',
  '$sum(lines.qty[])',
  '$sum(lines.sku)',
  '$round($sum(lines.(qty * unitPrice)), 2)',
  '$round(lines[0].qty * lines[0].unitPrice, 2)',
  'lines.$round(qty, 2)',
  'lines.$round(qty * unitPrice, 1)',
  'lines.$round(unitPrice, 0)',
  '$round(lines.qty, 2)',
  'lines{ sku: { "quantity": $sum(qty), "revenue": $round($sum($.(qty * unitPrice)), 2) } }',
  'lines{ sku: $ }',
  'lines{ sku: $count($) }',
  'lines{ sku: $max($.unitPrice) }',
  'lines{ $string(qty): $average($.qty) }',
  '(lines.sku){ $: $ }',
  'lines.($sum(qty))',
  // literal-keyed object constructors: one literal when every value is defined, else the defined ones
  '$keys({ "a": lines[0].qty, "b": lines[0].nothing, "c": lines[0].sku, "d": 1, "e": lines[0].unitPrice })',
  'lines.{ "q": qty, "p": unitPrice, "s": sku, "x": qty * unitPrice, "y": $string(qty), "z": sku & "!" }',
  'lines.$keys({ "q": qty, "p": unitPrice, "s": sku, "x": qty * unitPrice, "y": $string(qty) })',
  '{ "10": lines[0].qty, "b": 2, "2": lines[0].sku, "constructor": lines[0].unitPrice }',
  // an array constructor of one path collects the last step's values itself
  '[lines.qty]',
  '[lines.(qty)]',
  '[lines.[qty]]',
  '[lines.{ "q": qty }]',
  '[$.lines.sku]',
  '[lines[qty > 1].sku]',
  '[lines.qty][0]',
  '[[lines.qty]]',
  '[lines.qty].$string($)',
  '$count([lines.unitPrice])',
  // JSON cannot show -0: these tell -0 from 0 by the sign of 1/x
  '(1 / $sum(lines.qty)) > 0',
  '(1 / $average(lines.qty)) > 0',
  '(1 / $max(lines.qty)) > 0',
  '(1 / $min(lines.qty)) > 0',
  '(1 / $max(qty)) > 0',
  '(1 / $min(qty)) > 0',
  '(1 / $sum(qty)) > 0',
  'lines{ sku: (1 / $max(qty)) > 0 }',
  'lines{ sku: (1 / $min(qty)) > 0 }',
  'lines.((1 / $sum(qty)) > 0)',
  'lines.((1 / $average(qty)) > 0)',
  'lines.((1 / $max(qty)) > 0)',
  'lines.((1 / $round(qty, 2)) > 0)',
  'lines.((1 / $round(qty * unitPrice, 2)) > 0)',
  'lines{ sku: (1 / $sum($.qty)) > 0 }',
  '(1 / $sum(lines.(qty * unitPrice))) > 0',
  '(1 / $average(lines.(qty * unitPrice))) > 0',
  '(1 / $max(lines.(qty * unitPrice))) > 0',
  '(1 / $round($sum(lines.(qty * unitPrice)), 2)) > 0',
  'lines{ sku: (1 / $round($sum($.(qty * unitPrice)), 2)) > 0 }',
  'lines.($count($) ? $string(qty) : $uppercase(sku))',
  '($sum := function($a) { [$a, $a] }; lines.$sum(qty))',
  '($string := function($a) { $map([$a, $a], function($v) { $v }) }; $string(lines[0].qty))',
];

describe('aggregate, one-path array, $round, group-by and scalar-call fast paths agree with the interpreter', () => {
  for (const expr of EXPRESSIONS) {
    it(expr, async () => {
      const compare = engineComparer(expr);
      for (const doc of DOCS) {
        const c = await compare(doc);
        if (c.interpreterMutatedInput) continue;
        expect(agreeExactly(c), `${JSON.stringify(doc)}: ${JSON.stringify(c)}`).toBe(true);
      }
      for (const text of TEXTS) {
        const c = await compare(undefined, text);
        expect(agreeExactly(c), `${text}: ${JSON.stringify(c)}`).toBe(true);
      }
    });
  }
});
