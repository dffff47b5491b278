import { CURRENT_FORMAT_VERSION, loadFlowText } from '@seam/flow';
import { EXIT, type CliIo, type Command } from '../command.js';
import { expandFlowArgs } from '../flow-files.js';
import { plural, problemLine } from '../flow-file-report.js';
import { parseOptions } from '../parse-options.js';
import { readFlowFile } from '../read-flow-file.js';

/** `seam validate <file|dir>...`: every problem of every flow, one line each; exit 1 when there is any. */
export const validateCommand: Command = {
  name: 'validate',
  args: '<file|dir>...',
  summary: 'Check flow files; print one line per problem ("<file>: <json-path>: <message>").',
  run: async (args, io) => validate(args, io),
};

function validate(args: readonly string[], io: CliIo): number {
  const options = parseOptions(args, []);
  if (!options.ok) return usageError(io, options.message);
  if (options.positionals.length === 0) return usageError(io, 'name at least one flow file or directory, e.g. seam validate flows/');

  let checked = 0;
  let failed = 0;
  let problemCount = 0;
  for (const target of expandFlowArgs(options.positionals, io.cwd)) {
    checked += 1;
    if (target.kind === 'error') {
      io.out(`${target.arg}: ${target.message}`);
      failed += 1;
      problemCount += 1;
      continue;
    }
    const read = readFlowFile(target.file, io.cwd);
    if (!read.ok) {
      io.out(`${target.file}: ${read.message}`);
      failed += 1;
      problemCount += 1;
      continue;
    }
    const loaded = loadFlowText(read.text);
    for (const p of loaded.problems) io.out(problemLine(target.file, p));
    if (loaded.problems.length > 0) {
      failed += 1;
      problemCount += loaded.problems.length;
    } else if (loaded.migratedFrom !== undefined) {
      io.err(`${target.file}: note: written in format ${loaded.migratedFrom}; it loads, but "seam format ${target.file}" rewrites it in format ${CURRENT_FORMAT_VERSION}`);
    }
  }
  io.err(failed === 0
    ? `${plural(checked, 'flow file')} checked: all valid`
    : `${plural(checked, 'path')} checked: ${failed} with problems (${plural(problemCount, 'problem')})`);
  return failed === 0 ? EXIT.ok : EXIT.problems;
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam validate: ${message}`);
  io.err('usage: seam validate <file|dir>...');
  return EXIT.usage;
}
