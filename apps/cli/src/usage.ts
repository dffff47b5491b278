import type { Command } from './command.js';

/** The text `seam`, `seam help` and `seam --help` print: every command of the table with its synopsis. */
export function usageText(commands: readonly Command[]): string {
  // Synopses differ wildly in length, so each summary gets its own indented line instead of a ragged column.
  const lines = commands.flatMap((c) => [`  seam ${`${c.name} ${c.args}`.trim()}`, `      ${c.summary}`]);
  return [
    'Usage: seam <command> [options] [arguments]',
    '',
    'Commands:',
    ...lines,
    '  seam help',
    '      Show this text.',
    '',
    'Exit codes: 0 all good, 1 problems found, 2 wrong command line, 70 internal error.',
    'Set SEAM_DEBUG=1 to see stack traces of internal errors.',
  ].join('\n');
}
