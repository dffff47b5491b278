import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';
import { compileJsonata } from '../src/jsonata-evaluator.ts';
const crm = JSON.parse(readFileSync('/work/main/flows/crm-to-billing.json', 'utf8'));
const expr = crm.nodes.find((n: any) => n.type === 'jsonata').config.expression;
const samples = crm.samples['crm-webhook'].filter((s: any) => s.customer?.address);
const N = 20000;
async function seqRaw() { const e = jsonata(expr); for (let i = 0; i < N; i++) await e.evaluate(samples[i % samples.length]); }
async function seqSeam() { const e = compileJsonata(expr, { timeoutMs: 1000, maxDepth: 500 }); for (let i = 0; i < N; i++) await e(samples[i % samples.length]); }
async function concSeam(c: number) { const e = compileJsonata(expr, { timeoutMs: 1000, maxDepth: 500 }); let i = 0; await Promise.all(Array.from({ length: c }, async () => { while (i < N) await e(samples[i++ % samples.length]); })); }
async function concRaw(c: number) { const e = jsonata(expr); let i = 0; await Promise.all(Array.from({ length: c }, async () => { while (i < N) await e.evaluate(samples[i++ % samples.length]); })); }
for (const [name, f] of [['seqRaw', seqRaw], ['seqSeam', seqSeam], ['conc256Seam', () => concSeam(256)], ['conc16Seam', () => concSeam(16)], ['conc256Raw', () => concRaw(256)], ['seqRaw', seqRaw]] as const) {
  const c0 = process.cpuUsage(); await (f as () => Promise<void>)(); const cu = process.cpuUsage(c0);
  console.log(name, ((cu.user + cu.system) / N).toFixed(1), 'µs');
}
