import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeliveryError, formatPath, loadFlowText, FlowError } from '@seam/flow';
import { EXIT, type CliIo, type Command } from '../command.js';
import { describeFsError, readFlowFile } from '../read-flow-file.js';

/** `--name value` options plus flags and positionals; shared with `seam dlq`. */
export type ValueOptions =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>>; readonly flags: ReadonlySet<string>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function parseValueOptions(args: readonly string[], valueNames: readonly string[], flagNames: readonly string[]): ValueOptions {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flagNames.includes(name)) flags.add(name);
    else if (valueNames.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) return { ok: false, message: `${name} needs a value` };
      values[name] = value;
    } else {
      return { ok: false, message: `unknown option "${name}"; options here: ${[...valueNames, ...flagNames].join(', ')}` };
    }
  }
  return { ok: true, values, flags, positionals };
}

/** The database and data directory every runtime command uses: .seam/ in the working directory by default. */
export function storePaths(values: Readonly<Record<string, string>>, cwd: string): { dbPath: string; dataDir: string } {
  const dataDir = resolve(cwd, values['--data'] ?? '.seam');
  return { dataDir, dbPath: values['--db'] ? resolve(cwd, values['--db']) : resolve(dataDir, 'seam.db') };
}

/** `seam run <flow.json>`: runs a flow with finite sources to completion and prints one JSON summary line. */
export const runCommand: Command = {
  name: 'run',
  args: '<flow.json> [--db path] [--data dir] [--input file] [--concurrency n]',
  summary: 'Run a flow with finite sources (file, inline, schedule with count) to completion; print a JSON summary line.',
  run: async (args, io) => run(args, io),
};

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseValueOptions(args, ['--db', '--data', '--input', '--concurrency'], []);
  if (!parsed.ok) return usageError(io, parsed.message);
  if (parsed.positionals.length !== 1) return usageError(io, 'name exactly one flow file, e.g. seam run flows/orders-ndjson.json');
  const file = parsed.positionals[0]!;
  const read = readFlowFile(file, io.cwd);
  if (!read.ok) {
    io.err(`seam run: ${file}: ${read.message}`);
    return EXIT.problems;
  }
  const loaded = loadFlowText(read.text);
  if (!loaded.document || loaded.problems.length) {
    for (const p of loaded.problems) io.err(`${file}: ${formatPath(p.path)}: ${p.message}`);
    return EXIT.problems;
  }
  let input: unknown[] | undefined;
  if (parsed.values['--input'] !== undefined) {
    const result = readInput(resolve(io.cwd, parsed.values['--input']));
    if (typeof result === 'string') {
      io.err(`seam run: --input ${parsed.values['--input']}: ${result}`);
      return EXIT.problems;
    }
    input = result;
  }
  const concurrency = parsed.values['--concurrency'] !== undefined ? Number(parsed.values['--concurrency']) : undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) return usageError(io, '--concurrency must be a whole number ≥ 1');

  // Loaded here so that commands which do not run flows do not pay for SQLite.
  const { createRuntime } = await import('@seam/runtime');
  const runtime = createRuntime({ ...storePaths(parsed.values, io.cwd), ...(concurrency ? { concurrency } : {}) });
  // Ctrl-C: stop intake; what is in flight stays in the inbox and the next `seam run` of this flow resumes it.
  const interrupt = () => void runtime.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const summary = await runtime.runOnce({ document: loaded.document, file: resolve(io.cwd, file) }, input ? { input } : undefined);
    io.out(JSON.stringify({ flow: summary.flow, received: summary.received, delivered: summary.delivered, deadLettered: summary.deadLettered, durationMs: summary.durationMs }));
    return EXIT.ok;
  } catch (error) {
    // The flow or the other side is at fault (a missing file, an API that is down): a sentence, exit 1.
    if (error instanceof FlowError || error instanceof DeliveryError) {
      io.err(`seam run: ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await runtime.close();
  }
}

/** Input messages: a JSON array, or NDJSON (one message per line). */
function readInput(path: string): unknown[] | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return describeFsError(error);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown[];
    } catch (error) {
      return `not a valid JSON array: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const messages: unknown[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      messages.push(JSON.parse(line));
    } catch {
      return `line ${i + 1} is not valid JSON (give a JSON array or one JSON message per line)`;
    }
  }
  return messages;
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam run: ${message}`);
  io.err(`usage: seam run ${runCommand.args}`);
  return EXIT.usage;
}
