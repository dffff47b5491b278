import type { Command } from './command.js';

/** The text `seam`, `seam help` and `seam --help` print: every command of the table with its synopsis. */
export function usageText(commands: readonly Command[]): string {
  const synopsis = commands.map((c) => `${c.name} ${c.args}`.trim());
  const width = Math.max(...synopsis.map((s) => s.length));
  const lines = commands.map((c, i) => `  seam ${synopsis[i]!.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: seam <command> [options] [arguments]',
    '',
    'Commands:',
    ...lines,
    `  seam ${'help'.padEnd(width)}  Show this text.`,
    '',
    'Exit codes: 0 all good, 1 problems found, 2 wrong command line, 70 internal error.',
    'Set SEAM_DEBUG=1 to see stack traces of internal errors.',
  ].join('\n');
}
