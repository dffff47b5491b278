import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';
const crm = JSON.parse(readFileSync('/work/main/flows/crm-to-billing.json', 'utf8'));
const expr = crm.nodes.find((n: any) => n.type === 'jsonata').config.expression;
const samples = crm.samples['crm-webhook'].filter((s: any) => s.customer?.address);
for (const opts of [undefined, { timeout: 1000, stack: 500 }, { timeout: 1000, stack: 500, sequence: 1e6 }, undefined]) {
  const e = jsonata(expr, opts as any);
  const c0 = process.cpuUsage();
  for (let i = 0; i < 20000; i++) await e.evaluate(samples[i % samples.length]);
  const cu = process.cpuUsage(c0);
  console.log(JSON.stringify(opts), ((cu.user + cu.system) / 20000).toFixed(1), 'µs/eval');
}
