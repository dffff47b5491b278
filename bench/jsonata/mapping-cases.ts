import type { CrmOrderEvent } from '../crm/crm-records.js';
import { roundHalfEven } from '../crm/round-half-even.js';
import { mapCrmOrderByHand } from '../crm/hand-mapping.js';

/** A mapping measured in figure 5: its JSONata and the same computation written by hand. */
export interface MappingCase {
  readonly name: string;
  readonly expression: string;
  readonly byHand: (event: CrmOrderEvent) => unknown;
}

const round2 = (x: number): number => roundHalfEven(x, 2);

/** Array reshaping with $map and filters (issue 6's second realistic mapping). */
export const reshapeCase: MappingCase = {
  name: 'array reshaping ($map, $filter, predicates)',
  expression: `{
  "order": order.number,
  "bulkLines": [$map($filter(order.lines, function($l) { $l.qty > 1 }), function($l, $i) {
    { "position": $i + 1, "sku": $lowercase($l.sku), "total": $l.qty * $l.unitPrice }
  })],
  "premiumSkus": [order.lines[unitPrice > 100].sku],
  "labels": [order.lines.(sku & " × " & $string(qty))]
}`,
  byHand: (event) => {
    const lines = event.order.lines;
    return {
      order: event.order.number,
      bulkLines: lines.filter((l) => l.qty > 1).map((l, i) => ({ position: i + 1, sku: l.sku.toLowerCase(), total: l.qty * l.unitPrice })),
      premiumSkus: lines.filter((l) => l.unitPrice > 100).map((l) => l.sku),
      labels: lines.map((l) => `${l.sku} × ${String(l.qty)}`),
    };
  },
};

/** Aggregation with grouping (issue 6's third realistic mapping). */
export const groupingCase: MappingCase = {
  name: 'aggregation with grouping (group-by, $sum, $average, $max)',
  expression: `{
  "customer": customer.id,
  "bySku": order.lines{ sku: { "quantity": $sum(qty), "revenue": $round($sum($.(qty * unitPrice)), 2) } },
  "lineCount": $count(order.lines),
  "averageLine": $round($average(order.lines.(qty * unitPrice)), 2),
  "highestPrice": $max(order.lines.unitPrice)
}`,
  byHand: (event) => {
    const lines = event.order.lines;
    const groups = new Map<string, { quantity: number; revenue: number }>();
    for (const l of lines) {
      const g = groups.get(l.sku) ?? { quantity: 0, revenue: 0 };
      g.quantity += l.qty;
      g.revenue += l.qty * l.unitPrice;
      groups.set(l.sku, g);
    }
    const bySku: Record<string, { quantity: number; revenue: number }> = {};
    for (const [sku, g] of groups) bySku[sku] = { quantity: g.quantity, revenue: round2(g.revenue) };
    let sum = 0;
    let highest = -Infinity;
    for (const l of lines) {
      sum += l.qty * l.unitPrice;
      if (l.unitPrice > highest) highest = l.unitPrice;
    }
    return { customer: event.customer.id, bySku, lineCount: lines.length, averageLine: round2(sum / lines.length), highestPrice: highest };
  },
};

/** crm-to-billing's own mapping (expression from the flow file) with its hand-written twin. */
export function crmCase(expression: string): MappingCase {
  return { name: 'crm-to-billing mapping', expression, byHand: mapCrmOrderByHand };
}
