import { EXIT, type CliIo, type Command } from './command.js';
import { usageText } from './usage.js';

/** Dispatches a command line on the command table; answers every failure with a sentence, never a stack trace. */
export async function runCli(argv: readonly string[], commands: readonly Command[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usageText(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`seam: unknown command "${name}"; the commands are: ${commands.map((c) => c.name).join(', ')} (see seam help)`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (thrown) {
    // Commands report bad input themselves; anything arriving here is a bug in Seam, not the user's fault.
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    io.err(`seam ${name}: internal error: ${message} (this is a bug in Seam; SEAM_DEBUG=1 shows the stack)`);
    if (process.env.SEAM_DEBUG && thrown instanceof Error && thrown.stack) io.err(thrown.stack);
    return EXIT.internal;
  }
}
