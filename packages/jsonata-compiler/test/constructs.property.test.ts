import { describe, expect, it } from 'vitest';
import { agree, engineComparer } from './fixtures/compare-engines.js';
import { randomCrmDocument } from './fixtures/random-documents.js';

/** One expression per construct family, run on drifting documents where singleton/array/missing shapes vary. */
const EXPRESSIONS = [
  'order.lines.sku',
  'order.lines[0].sku',
  'order.lines[-1]',
  'order.lines[qty > 2].sku',
  'order.lines[qty > 2 and unitPrice < 200][0]',
  'order.lines[[0,1]].qty',
  'order.lines.sku[]',
  '[order.lines.qty]',
  '$.order.lines.(qty * unitPrice)',
  'order.lines^(>qty).sku',
  'order.lines^(sku, >unitPrice).name',
  'order.lines{sku: $sum(qty)}',
  'order.lines{category: sku}',
  'order.*',
  '**.sku',
  'customer.tags[1]',
  '$count(order.lines)',
  '$sum(order.lines.qty)',
  '$max(order.lines.unitPrice) - $min(order.lines.unitPrice)',
  '$average(order.lines.qty)',
  '$distinct(order.lines.category)',
  '$reverse(order.lines.sku)',
  '$sort(order.lines.sku)',
  '$join(customer.tags, ",")',
  '$keys(customer)',
  '$lookup(customer, "email")',
  '$exists(customer.company) ? customer.company : "none"',
  '$string(order.lines[0])',
  '$number(order.lines[0].qty)',
  '$boolean(customer.tags)',
  '$not(order.lines)',
  '$substring(customer.email, 2, 5)',
  '$substringBefore(customer.email, "@") & "/" & $substringAfter(customer.email, "@")',
  '$uppercase(customer.address.country) & $lowercase(order.currency)',
  '$trim("  " & customer.firstName & "  ")',
  '$contains(customer.email, "example")',
  '$split(customer.email, "@")',
  '$replace(customer.email, "example", "test")',
  '$replace(customer.email, /[aeiou]/, "_")',
  '$round($sum(order.lines.(qty * unitPrice)), 2)',
  '$floor($average(order.lines.unitPrice)) + $ceil(1.2) + $abs(-3)',
  '$append(order.lines.sku, customer.tags)',
  '$merge([customer.address, {"extra": true}])',
  '$map(order.lines, function($l, $i) { $i & ":" & $l.sku })',
  '$filter(order.lines, function($l) { $l.qty >= 3 }).sku',
  '$reduce(order.lines.qty, function($a, $b) { $a + $b }, 0)',
  '$sort(order.lines, function($a, $b) { $a.unitPrice > $b.unitPrice }).sku',
  '$each(customer.address, function($v, $k) { $k & "=" & $v })',
  '($total := $sum(order.lines.qty); $total > 10 ? "big" : "small")',
  '($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f($count(order.lines)))',
  'order.lines ~> $count()',
  'customer.email ~> $uppercase ~> $substring(0, 4)',
  '{"n": order.number, "skus": order.lines.sku, "first": order.lines[0].{"s": sku}}',
  '[1..$count(order.lines)].($ * 2)',
  'order.status in ["paid", "pending"]',
  'order.lines[sku = "SEAT-PRO"].qty = 3',
  'order.createdAt > 1000',
  '-order.lines[0].qty',
  'order.lines.qty % 5',
  '$type(order.lines) & $type(customer.company)',
  '$fromMillis(1762073400000)',
  '$toMillis("2026-11-02T08:14:09Z")',
  '$formatNumber($sum(order.lines.unitPrice), "#,##0.00")',
  '$pad(customer.firstName, 8, "*")',
  '$zip(order.lines.sku, order.lines.qty)',
  '$spread(customer.address)',
  '$ ~> |order.lines|{"total": qty * unitPrice}, ["name"]|',
  'customer ~> |address|{"country": $uppercase(country)}, "zip"|',
  '($first := $substring(?, 0, ?); $first(customer.email, 3) & $substringAfter(?, "@")(customer.email))',
  '($total := $map(?, function($l) { $l.qty * $l.unitPrice }) ~> $sum; $total(order.lines))',
  'order.lines#$i.{"line": $i + 1, "sku": sku}',
  'order.lines#$i[$i > 0].sku',
  'order.lines[qty > 1]#$p.($p & ":" & sku)',
  'order@$o.lines@$l.{"order": $o.number, "sku": $l.sku, "ctx": $type($)}',
  'customer@$c.$$.order.lines[sku = $c.id].qty',
  'order.lines#$i{sku: $i}',
  'order.lines@$l{$l.category: $sum($l.qty)}',
  'order.lines^(>unitPrice)#$rank.{"rank": $rank, "sku": sku}',
  'order.lines#$i^(>qty).{"was": $i, "sku": sku}',
  'order.lines.{"sku": sku, "order": %.number, "customer": %.%.customer.id}',
  'order.lines[%.status = "paid"].sku',
  'customer.address.%.email',
  // a call in tail position keeps its raw result (the interpreter's thunk skips the enclosing normalisation)
  '$map(order.lines, function($l) { $l.qty > 0 ? $map(true, function($x) { null }) : 5 })',
  'order.lines[1].sku',
  'order.lines^(>qty)[0].sku',
];

describe('compiled constructs agree with the interpreter on random documents', () => {
  for (const expression of EXPRESSIONS) {
    it(`${expression}`, async () => {
      const compare = engineComparer(expression);
      for (let seed = 1; seed <= 150; seed++) {
        const c = await compare(randomCrmDocument(seed));
        if (c.interpreterMutatedInput) continue;
        expect(agree(c), `seed ${seed}: ${JSON.stringify(c)}`).toBe(true);
        // with one fault per expression at most, the error code must match as well
        if ('error' in c.compiled && 'error' in c.interpreted) expect(c.compiled.error).toBe(c.interpreted.error);
      }
    });
  }
});
