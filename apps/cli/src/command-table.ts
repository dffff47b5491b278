import type { Command } from './command.js';
import { validateCommand } from './commands/validate.js';
import { formatCommand } from './commands/format.js';
import { runCommand } from './commands/run.js';
import { testCommand } from './commands/test.js';
import { dlqCommand } from './commands/dlq.js';
import { serveCommand } from './commands/serve.js';

/** Every `seam` command, in the order the usage text lists them. One line per command. */
export const commands: readonly Command[] = [
  validateCommand,
  formatCommand,
  runCommand,
  testCommand,
  dlqCommand,
  serveCommand,
];
