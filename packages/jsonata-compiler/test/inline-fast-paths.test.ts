import { describe, it } from 'vitest';
import { expectSameOnEveryDocument } from './fixtures/compare-engines.js';

// The inlined forms (field reads, operators, built-ins, path prefixes, array constructors, hoisted loops)
// must agree with the interpreter on exactly the shapes their fast cases skip.
const DOCS: unknown[] = [
  { order: { number: 'A-1', lines: [{ sku: 'X', qty: 2, unitPrice: 150 }, { sku: 'Y', qty: 1, unitPrice: 20.5 }] } },
  { order: { number: 7, lines: { sku: 'ONE', qty: 3, unitPrice: 101 } } },
  { order: { lines: [] } },
  { order: [{ number: 'n1', lines: [{ sku: 'a', qty: 2 }] }, { number: 'n2', lines: [[{ sku: 'nested', qty: 5 }]] }] },
  { order: { number: null, lines: [{ sku: 1, qty: '2', unitPrice: null }, { qty: -0.5, unitPrice: 1e300 }, 4, null, 'text'] } },
  { order: { lines: [{ sku: 'big', qty: 2 ** 40, unitPrice: -3 }, { sku: 'neg', qty: -7, unitPrice: 0 }, { sku: 'f', qty: 1.25, unitPrice: 2 }] } },
  { order: { lines: [{ sku: [1, 2], qty: [3], unitPrice: [4, 5] }] }, constructor: 'own' },
  [{ order: { number: 'top', lines: [{ sku: 'A', qty: 2, unitPrice: 200 }] } }, { order: { number: 'second' } }],
  { order: 'not an object' },
  {},
];

const EXPRESSIONS = [
  'order.number',
  'order.lines.sku',
  '[order.lines[unitPrice > 100].sku]',
  '[order.lines.(sku & " × " & $string(qty))]',
  '[$map($filter(order.lines, function($l) { $l.qty > 1 }), function($l, $i) { { "position": $i + 1, "sku": $lowercase($l.sku), "total": $l.qty * $l.unitPrice } })]',
  'order.lines^(>qty).sku',
  'order.lines.(qty + 1)',
  'order.lines.(qty - unitPrice)',
  'order.lines.(qty / unitPrice)',
  'order.lines.(qty % 2)',
  'order.lines.(qty < unitPrice)',
  'order.lines.(sku >= "X")',
  'order.lines.(1[0] + qty)',
  'order.lines.$uppercase(sku)',
  'order.lines.$string(qty)',
  'order.lines.$exists(unitPrice)',
  'order.lines.(qty ? sku : "none")',
  '[order.lines.sku, [order.number], order.lines.qty]',
  '[[order.lines.sku], order.number]',
  '[order.lines[0]]',
  'order.constructor',
  '$.constructor',
  '($x := 1; $f := order.lines.(function() { $x }); $x := 2; $f[0]())',
  '($x := 1; $m := $map([1, 2], function($v) { $v + $x }); $x := 10; $m)',
  '{"a": $map(order.lines, function($l) { $l.sku }), "b": $filter(order.lines, function($l) { $l.qty > 1 }).sku}',
  '($map := function($a, $f) { "shadowed" }; $map(order.lines, function($l) { $l.sku }))',
  '$map(order.lines, function($l, $i, $a) { $count($a) + $i })',
  // single-pair group-by, inlined as a loop: key order (array-index keys first), T1003 keys, groups' contexts
  'order.lines{ sku: { "quantity": $sum(qty), "revenue": $round($sum($.(qty * unitPrice)), 2) } }',
  'order.lines{ $string(qty): $ }',
  'order.lines{ sku: $count($) }',
  'order.lines{ "k": $ }',
  '[order.lines]{ $string($count($)): $ }',
  '{"x": ["b", "10", "a", "2"]}.x{ $: $ }',
  '{"x": ["b", "10"]}.x{ $: $ = "b" ? $error("b first") : $number("not a number") }',
  '($.order.lines){ sku & "": [$.qty] }',
  '$.order.lines.$.sku',
];

describe('inlined fast paths agree with the interpreter', () => {
  for (const expr of EXPRESSIONS) {
    it(expr, () => expectSameOnEveryDocument(expr, DOCS));
  }
});
