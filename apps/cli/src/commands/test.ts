import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkFlowContracts, createSchemaChecker, flowPacts, type FlowContractReport } from '@seam/contracts';
import { DeliveryError, FlowError, loadFlowText, type FlowDocument } from '@seam/flow';
import type { RuntimeLogger } from '@seam/runtime';
import { EXIT, type CliIo, type Command } from '../command.js';
import { expandFlowArgs } from '../flow-files.js';
import { plural, problemLine } from '../flow-file-report.js';
import { describeFsError, readFlowFile } from '../read-flow-file.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { parseValueOptions } from './run.js';

/** `seam test [--pact DIR] <file|dir>...`: offline contract verification; one line per failure, exit 1 when any. */
export const testCommand: Command = {
  name: 'test',
  args: '[--pact dir] <file|dir>...',
  summary: 'Check contracts offline: examples match their schemas, mapped source examples match sink contracts; --pact writes Pact v3 files.',
  run: async (args, io) => test(args, io),
};

/** Failures are what `seam test` reports; the runtime's own log lines would only repeat them. */
const quiet: RuntimeLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function test(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseValueOptions(args, ['--pact'], []);
  if (!parsed.ok) return usageError(io, parsed.message);
  if (parsed.positionals.length === 0) return usageError(io, 'name at least one flow file or directory, e.g. seam test flows/');
  const pactArg = parsed.values['--pact'];
  const pactDir = pactArg === undefined ? undefined : { dir: resolve(io.cwd, pactArg), shown: pactArg };
  if (pactDir !== undefined) {
    try {
      mkdirSync(pactDir.dir, { recursive: true });
    } catch (error) {
      io.err(`seam test: --pact ${pactDir.shown}: cannot create this directory: ${describeFsError(error)}`);
      return EXIT.problems;
    }
  }

  const flows: { file: string; document: FlowDocument }[] = [];
  let untestable = 0;
  const targets = expandFlowArgs(parsed.positionals, io.cwd);
  for (const target of targets) {
    if (target.kind === 'error') {
      io.out(`${target.arg}: ${target.message}`);
      untestable += 1;
      continue;
    }
    const read = readFlowFile(target.file, io.cwd);
    const loaded = read.ok ? loadFlowText(read.text) : undefined;
    if (!read.ok) io.out(`${target.file}: ${read.message}`);
    for (const p of loaded?.problems ?? []) io.out(problemLine(target.file, p));
    if (loaded?.document && loaded.problems.length === 0) flows.push({ file: target.file, document: loaded.document });
    else untestable += 1;
  }

  let checked = 0;
  let broken = 0;
  if (flows.length > 0) {
    // Loaded here so that a command line error does not pay for SQLite. The test run stores nothing, but the
    // runtime needs a database: a scratch one, removed afterwards.
    const { createRuntime } = await import('@seam/runtime');
    const scratch = mkdtempSync(join(tmpdir(), 'seam-test-'));
    const runtime = createRuntime({ dbPath: join(scratch, 'seam.db'), dataDir: scratch, logger: quiet });
    const compile = createSchemaChecker();
    // Ctrl-C: close the database and remove the scratch directory instead of leaving them in the temp folder.
    const interrupt = () => void runtime.close().finally(() => {
      rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    });
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      for (const { file, document } of flows) {
        let report: FlowContractReport;
        try {
          report = await checkFlowContracts({ document, file: resolve(io.cwd, file) }, (flow, samples) => runtime.testRun(flow, samples), compile);
        } catch (error) {
          if (!(error instanceof FlowError || error instanceof DeliveryError)) throw error;
          io.out(`${file}: cannot test-run the flow: ${error.message}`);
          untestable += 1;
          continue;
        }
        checked += report.checked;
        broken += report.broken;
        for (const f of report.failures) io.out(`${file}: ${f.nodeId} ${f.subject}: ${f.message}`);
        for (const note of report.notes) io.err(`${file}: note: ${note}`);
        if (pactDir !== undefined) writePacts(io, file, document, report, pactDir);
      }
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      await runtime.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  const notTestable = untestable > 0 ? `, ${untestable} not testable (see the lines above; seam validate says more)` : '';
  io.err(`${plural(targets.length, 'flow')}, ${plural(checked, 'example')} checked, ${broken} broken${notTestable}`);
  return broken === 0 && untestable === 0 ? EXIT.ok : EXIT.problems;
}

/** One Pact file per flow → http sink pair with a contract; other sinks get a note, since Pact describes HTTP. */
function writePacts(io: CliIo, file: string, document: FlowDocument, report: FlowContractReport, dir: { readonly dir: string; readonly shown: string }): void {
  for (const entry of flowPacts(document, report)) {
    if (entry.kind === 'note') {
      io.err(`${file}: note: ${entry.note}`);
      continue;
    }
    writeFileAtomic(join(dir.dir, entry.fileName), `${JSON.stringify(entry.pact, null, 2)}\n`);
    io.err(`${file}: wrote ${join(dir.shown, entry.fileName)} (${plural(entry.pact.interactions.length, 'interaction')})`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam test: ${message}`);
  io.err(`usage: seam test ${testCommand.args}`);
  return EXIT.usage;
}
