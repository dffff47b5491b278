import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure, Row } from './figure.js';
import { formatNumber, formatRatio } from './format.js';
import { machineLine, type Machine } from './machine.js';
import type { BenchOptions } from './options.js';

export interface PartTime {
  readonly figures: readonly string[];
  readonly seconds: number;
}

export interface BenchResults {
  readonly command: string;
  readonly machine: Machine;
  readonly options: BenchOptions;
  readonly durationSeconds: number;
  /** Where the time went: the bench must stay short enough to be run, so its cost is reported like a figure. */
  readonly partSeconds: readonly PartTime[];
  readonly figures: readonly Figure[];
}

/** Writes RESULTS.md (for people) and results.json (for tools) into the output folder; returns their paths. */
export function writeResults(results: BenchResults): string[] {
  mkdirSync(results.options.outDir, { recursive: true });
  const md = path.join(results.options.outDir, 'RESULTS.md');
  const json = path.join(results.options.outDir, 'results.json');
  writeFileSync(md, renderMarkdown(results));
  // NaN is not JSON: a ratio that could not be computed is written as null.
  writeFileSync(json, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
  return [md, json];
}

function renderMarkdown(r: BenchResults): string {
  const o = r.options;
  const lines = [
    '# Seam benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Each figure is the median of the runs shown, with min and max; every run',
    'of every contender in a fresh process, contenders interleaved round by round so that noise hits them alike.',
    '',
    `- Command: \`${r.command}\``,
    `- Machine: ${machineLine(r.machine)}`,
    `- Mode: ${o.quick ? 'quick (small sizes: not for comparison)' : 'full'}; ${o.runs} runs per figure (memory: ${o.memoryRuns}); ` +
      `pipeline ${o.messages.toLocaleString('en-US')} messages, memory ${o.memoryMessages.toLocaleString('en-US')}, ` +
      `webhook ${o.webhookSeconds} s × ${o.webhookConnections} connections per run; no new round once a part has run ${o.partBudgetSeconds} s ` +
      `(the runs column shows what each median is of)`,
    `- Time: whole bench ${Math.round(r.durationSeconds)} s — ${r.partSeconds.map((p) => `${p.figures.join(' + ')} ${Math.round(p.seconds)} s`).join(', ')}`,
    '',
    '## Summary',
    '',
    ...r.figures.map((f) => `- ${f.summary}`),
    '',
  ];
  for (const f of r.figures) lines.push(...renderFigure(f));
  return `${lines.join('\n')}\n`;
}

function renderFigure(f: Figure): string[] {
  const out = [`## ${f.title}`, ''];
  if (f.status === 'not-measured') return [...out, `Not measured: ${f.reason ?? 'unknown reason'}`, ''];
  out.push('| contender | median | min | max | unit | runs |', '| --- | ---: | ---: | ---: | --- | ---: |');
  for (const row of f.rows) out.push(renderRow(row));
  out.push('');
  if (f.ratios.length > 0) {
    out.push('| ratio (of medians) | value | target |', '| --- | ---: | --- |');
    for (const ratio of f.ratios) out.push(`| ${ratio.label} | ${formatRatio(ratio.value)} | ${ratio.target ?? ''} |`);
    out.push('');
  }
  for (const note of f.notes) out.push(`- ${note}`);
  if (f.notes.length > 0) out.push('');
  return out;
}

function renderRow(row: Row): string {
  const label = row.note ? `${row.label} (${row.note})` : row.label;
  if (!row.summary) return `| ${label} | not measured: ${row.missing ?? 'unknown'} | | | ${row.unit} | 0 |`;
  const s = row.summary;
  return `| ${label} | ${formatNumber(s.median)} | ${formatNumber(s.min)} | ${formatNumber(s.max)} | ${row.unit} | ${s.runs.length} |`;
}
