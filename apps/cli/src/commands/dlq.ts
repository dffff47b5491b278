import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlowError, loadFlowText } from '@seam/flow';
import type { DeadLetter, DeadLetterFilter, ErrorClass, FlowSource, Runtime } from '@seam/runtime';
import { EXIT, type CliIo, type Command } from '../command.js';
import { parseValueOptions, storePaths } from './run.js';

const ERROR_CLASSES: readonly ErrorClass[] = ['validation', 'transform', 'delivery', 'timeout', 'circuit-open', 'config'];
const STATUSES = ['pending', 'replayed', 'discarded'] as const;
const SUBCOMMANDS = 'list|show|edit|replay|discard';

/** `seam dlq`: list, inspect, edit, replay and discard dead letters in a Seam database. */
export const dlqCommand: Command = {
  name: 'dlq',
  args: `${SUBCOMMANDS} [--db path] [--json] …`,
  summary: 'Dead letters: list [--flow --node --reason --status --limit], show <id>, edit <id> <payload.json>, replay <id>…|--all, discard <id>….',
  run: async (args, io) => dlq(args, io),
};

async function dlq(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const parsed = parseValueOptions(rest, ['--db', '--data', '--flow', '--node', '--reason', '--status', '--limit', '--flows', '--note', '--actor'], ['--json', '--all']);
  if (!parsed.ok) return usageError(io, parsed.message);
  if (sub === undefined || !SUBCOMMANDS.split('|').includes(sub)) return usageError(io, `say what to do: ${SUBCOMMANDS}`);
  const { values, flags, positionals } = parsed;
  const reason = values['--reason'];
  if (reason !== undefined && !(ERROR_CLASSES as readonly string[]).includes(reason)) return usageError(io, `--reason must be one of ${ERROR_CLASSES.join(', ')}`);
  const status = values['--status'];
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) return usageError(io, `--status must be one of ${STATUSES.join(', ')}`);
  const filter: DeadLetterFilter = {
    ...(values['--flow'] !== undefined ? { flowId: values['--flow'] } : {}),
    ...(values['--node'] !== undefined ? { nodeId: values['--node'] } : {}),
    ...(reason !== undefined ? { errorClass: reason as ErrorClass } : {}),
    ...(status !== undefined ? { status: status as DeadLetter['status'] } : {}),
  };
  const json = flags.has('--json');
  const actor = values['--actor'] ?? process.env.USER ?? 'cli';

  const { createRuntime } = await import('@seam/runtime');
  // The CLI only reads and edits here: its log goes nowhere so that stdout/stderr stay readable.
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const runtime = createRuntime({ ...storePaths(values, io.cwd), logger: quiet });
  try {
    switch (sub) {
      case 'list': {
        const limit = Math.max(1, Math.min(1000, Number(values['--limit'] ?? 50) || 50));
        const page = runtime.deadLetters.list(filter, { limit });
        if (json) io.out(JSON.stringify(page));
        else printTable(io, page.items, page.total);
        return EXIT.ok;
      }
      case 'show': {
        if (positionals.length !== 1) return usageError(io, 'name one dead letter id: seam dlq show <id>');
        const dl = runtime.deadLetters.get(positionals[0]!);
        if (!dl) return notFound(io, positionals[0]!);
        io.out(json ? JSON.stringify(dl) : describe(dl));
        return EXIT.ok;
      }
      case 'edit': {
        if (positionals.length !== 2) return usageError(io, 'seam dlq edit <id> <payload.json>');
        const payload = JSON.parse(readFileSync(resolve(io.cwd, positionals[1]!), 'utf8')) as unknown;
        const dl = runtime.deadLetters.editPayload(positionals[0]!, payload, actor);
        io.out(json ? JSON.stringify(dl) : `edited ${dl.id}: its payload is replaced; replay it with seam dlq replay ${dl.id}`);
        return EXIT.ok;
      }
      case 'discard': {
        if (positionals.length === 0) return usageError(io, 'name the dead letters to discard: seam dlq discard <id>…');
        for (const id of positionals) {
          const dl = runtime.deadLetters.discard(id, actor, values['--note']);
          if (!json) io.out(`discarded ${dl.id}`);
        }
        if (json) io.out(JSON.stringify({ discarded: positionals }));
        return EXIT.ok;
      }
      case 'replay':
        return await replay(runtime, io, positionals, flags.has('--all'), filter, resolve(io.cwd, values['--flows'] ?? 'flows'), actor, json);
    }
    return EXIT.usage;
  } catch (error) {
    if (error instanceof FlowError || error instanceof SyntaxError) {
      io.err(`seam dlq ${sub}: ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

async function replay(runtime: Runtime, io: CliIo, ids: readonly string[], all: boolean, filter: DeadLetterFilter, flowsDir: string, actor: string, json: boolean): Promise<number> {
  if (ids.length === 0 && !all) return usageError(io, 'name dead letter ids, or --all (with --flow/--node/--reason to narrow it)');
  const flows = flowIndex(flowsDir);
  const outcomes = await runtime.replay(ids.length ? { ids } : { filter }, (flowId) => flows.get(flowId), actor);
  if (json) io.out(JSON.stringify(outcomes));
  else for (const o of outcomes) io.out(`${o.id}  ${o.result}${o.message ? `  ${o.message}` : ''}`);
  const failed = outcomes.filter((o) => o.result !== 'delivered').length;
  if (!json) io.err(`${outcomes.length} replayed: ${outcomes.length - failed} delivered, ${failed} not`);
  return failed === 0 ? EXIT.ok : EXIT.problems;
}

/** The current version of each flow, by id, from the *.json files of the flows folder. */
function flowIndex(dir: string): Map<string, FlowSource> {
  const flows = new Map<string, FlowSource>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return flows;
  }
  for (const name of names) {
    const file = join(dir, name);
    try {
      const loaded = loadFlowText(readFileSync(file, 'utf8'));
      if (loaded.document && loaded.problems.length === 0) flows.set(loaded.document.id, { document: loaded.document, file });
    } catch {
      // An unreadable file is simply not a flow to replay through.
    }
  }
  return flows;
}

function printTable(io: CliIo, items: readonly DeadLetter[], total: number) {
  if (items.length === 0) {
    io.out('no dead letters');
    return;
  }
  const rows = items.map((d) => [d.id, d.flowId, d.nodeId, d.errorClass, String(d.attempts), d.status, d.lastFailedAt.replace('T', ' ').slice(0, 19), oneLine(d.message, 70)]);
  const header = ['ID', 'FLOW', 'NODE', 'REASON', 'ATTEMPTS', 'STATUS', 'LAST FAILED (UTC)', 'MESSAGE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [header, ...rows]) io.out(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  if (total > items.length) io.err(`showing ${items.length} of ${total}; use --limit or narrow with --flow/--node/--reason`);
}

function describe(d: DeadLetter): string {
  return [
    `id:            ${d.id}`,
    `message id:    ${d.messageId}`,
    `flow:          ${d.flowId} (version ${d.flowVersion})`,
    `node:          ${d.nodeId}`,
    `reason:        ${d.errorClass}`,
    `error:         ${d.message}`,
    `attempts:      ${d.attempts}`,
    `status:        ${d.status}`,
    `first failed:  ${d.firstFailedAt}`,
    `last failed:   ${d.lastFailedAt}`,
    `details:       ${JSON.stringify(d.details)}`,
    `payload:       ${oneLine(JSON.stringify(d.payload) ?? 'undefined', 2000)}`,
    `original:      ${oneLine(JSON.stringify(d.originalInput) ?? 'undefined', 2000)}`,
    'audit:',
    ...d.audit.map((a) => `  ${a.at}  ${a.action}  by ${a.actor}${a.note ? `: ${a.note}` : ''}`),
  ].join('\n');
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function notFound(io: CliIo, id: string): number {
  io.err(`seam dlq: no dead letter "${id}" (seam dlq list shows the ids)`);
  return EXIT.problems;
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam dlq: ${message}`);
  io.err(`usage: seam dlq ${dlqCommand.args}`);
  return EXIT.usage;
}
