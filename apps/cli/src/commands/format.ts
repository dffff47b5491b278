import { resolve } from 'node:path';
import { CURRENT_FORMAT_VERSION, loadFlowText, serializeFlow } from '@seam/flow';
import { EXIT, type CliIo, type Command } from '../command.js';
import { expandFlowArgs } from '../flow-files.js';
import { plural, problemLine } from '../flow-file-report.js';
import { parseOptions } from '../parse-options.js';
import { describeFsError, readFlowFile } from '../read-flow-file.js';
import { writeFileAtomic } from '../write-file-atomic.js';

/** `seam format [--check] <file|dir>...`: rewrite flow files in canonical form, or with --check list those that are not. */
export const formatCommand: Command = {
  name: 'format',
  args: '[--check] <file|dir>...',
  summary: 'Rewrite flow files in canonical form (older formats are migrated); --check only lists files that are not.',
  run: async (args, io) => format(args, io),
};

type Outcome = 'unchanged' | 'changed' | 'failed';

function format(args: readonly string[], io: CliIo): number {
  const options = parseOptions(args, ['--check']);
  if (!options.ok) return usageError(io, options.message);
  if (options.positionals.length === 0) return usageError(io, 'name at least one flow file or directory, e.g. seam format flows/');
  const check = options.flags.has('--check');

  const counts: Record<Outcome, number> = { unchanged: 0, changed: 0, failed: 0 };
  for (const target of expandFlowArgs(options.positionals, io.cwd)) {
    if (target.kind === 'error') {
      io.out(`${target.arg}: ${target.message}`);
      counts.failed += 1;
    } else {
      counts[formatFile(target.file, check, io)] += 1;
    }
  }
  const total = counts.unchanged + counts.changed + counts.failed;
  const failedPart = counts.failed > 0 ? `, ${counts.failed} could not be read as flows` : '';
  io.err(check
    ? `${plural(total, 'flow file')}: ${counts.unchanged} canonical, ${counts.changed} not canonical${failedPart}`
    : `${plural(total, 'flow file')}: ${counts.changed} formatted, ${counts.unchanged} already canonical${failedPart}`);
  if (check && counts.changed > 0) io.err('run "seam format <file|dir>..." to rewrite them');
  return counts.failed > 0 || (check && counts.changed > 0) ? EXIT.problems : EXIT.ok;
}

function formatFile(file: string, check: boolean, io: CliIo): Outcome {
  const read = readFlowFile(file, io.cwd);
  if (!read.ok) {
    io.out(`${file}: ${read.message}`);
    return 'failed';
  }
  const loaded = loadFlowText(read.text);
  if (!loaded.document) {
    // Formatting needs a document; rewriting what could not be read would throw the user's text away.
    for (const p of loaded.problems) io.out(problemLine(file, p));
    io.err(`${file}: not formatted: fix the problems above first`);
    return 'failed';
  }
  const canonical = serializeFlow(loaded.document);
  if (canonical === read.text) return 'unchanged';
  const migrated = loaded.migratedFrom !== undefined ? ` (format ${loaded.migratedFrom} → ${CURRENT_FORMAT_VERSION})` : '';
  if (check) {
    io.out(`${file}: not canonical${migrated}, from line ${firstDifferentLine(read.text, canonical)}`);
    return 'changed';
  }
  try {
    writeFileAtomic(resolve(io.cwd, file), canonical);
  } catch (error) {
    io.out(`${file}: cannot write: ${describeFsError(error)}`);
    return 'failed';
  }
  io.out(`${file}: formatted${migrated}`);
  if (loaded.problems.length > 0) {
    io.err(`${file}: note: formatted, but it has ${plural(loaded.problems.length, 'problem')}: see "seam validate ${file}"`);
  }
  return 'changed';
}

/** The first line (1-based) where the file differs from its canonical form: where a reviewer should look. */
function firstDifferentLine(text: string, canonical: string): number {
  const actual = text.split('\n');
  const wanted = canonical.split('\n');
  const index = wanted.findIndex((line, i) => actual[i] !== line);
  return (index === -1 ? wanted.length : index) + 1;
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam format: ${message}`);
  io.err('usage: seam format [--check] <file|dir>...');
  return EXIT.usage;
}
