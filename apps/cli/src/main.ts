// The `seam` executable (bin/seam.js loads this through tsx): wires the command table to the real process.
import { commands } from './command-table.js';
import { runCli } from './run-cli.js';

// `seam validate flows/ | head` closes stdout early; that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), commands, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});
