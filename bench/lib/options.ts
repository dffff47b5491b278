import { parseArgs } from 'node:util';

export const partIds = ['pipeline', 'failure', 'webhook', 'memory', 'jsonata', 'designer', 'durability'] as const;
export type PartId = (typeof partIds)[number];

/** Every size and duration of the bench, so that a quick run and a full run differ only here. */
export interface BenchOptions {
  readonly quick: boolean;
  readonly runs: number;
  /** Messages in the pipeline file (parts 1, 2, 7). */
  readonly messages: number;
  /** Messages in the memory file (part 4); fewer runs because each takes long. */
  readonly memoryMessages: number;
  readonly memoryRuns: number;
  /** Records per JSONata-alone run (part 5). */
  readonly jsonataRecords: number;
  readonly webhookSeconds: number;
  readonly webhookConnections: number;
  readonly designerNodes: number;
  /** No new round of a part starts after this many seconds (the first round always runs). */
  readonly partBudgetSeconds: number;
  readonly parts: readonly PartId[];
  /** Where RESULTS.md and results.json go; a quick run writes beside the data so it never replaces real figures. */
  readonly outDir: string;
  readonly commandLine: string;
}

const usage = `npm run bench -- [--quick] [--runs N] [--messages N] [--memory-messages N] [--memory-runs N]
  [--jsonata-records N] [--webhook-seconds N] [--connections N] [--designer-nodes N]
  [--part-budget-seconds N] [--only ${partIds.join(',')}] [--out DIR]`;

export function parseOptions(argv: readonly string[], defaultOutDir: string, quickOutDir: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      messages: { type: 'string' },
      'memory-messages': { type: 'string' },
      'memory-runs': { type: 'string' },
      'jsonata-records': { type: 'string' },
      'webhook-seconds': { type: 'string' },
      connections: { type: 'string' },
      'designer-nodes': { type: 'string' },
      'part-budget-seconds': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const quick = values.quick === true;
  const int = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"\n${usage}`);
    return n;
  };
  const parts = values.only === undefined ? [...partIds] : values.only.split(',').map((p) => p.trim());
  for (const p of parts) {
    if (!(partIds as readonly string[]).includes(p)) throw new Error(`--only: unknown part "${p}"\n${usage}`);
  }
  return {
    quick,
    runs: int('runs', values.runs, quick ? 3 : 5),
    messages: int('messages', values.messages, quick ? 10_000 : 100_000),
    memoryMessages: int('memory-messages', values['memory-messages'], quick ? 100_000 : 1_000_000),
    memoryRuns: int('memory-runs', values['memory-runs'], quick ? 1 : 5),
    jsonataRecords: int('jsonata-records', values['jsonata-records'], quick ? 5_000 : 20_000),
    webhookSeconds: int('webhook-seconds', values['webhook-seconds'], quick ? 2 : 5),
    webhookConnections: int('connections', values.connections, 20),
    designerNodes: int('designer-nodes', values['designer-nodes'], 500),
    partBudgetSeconds: int('part-budget-seconds', values['part-budget-seconds'], quick ? 60 : 360),
    parts: parts as PartId[],
    outDir: values.out ?? (quick ? quickOutDir : defaultOutDir),
    commandLine: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
  };
}
