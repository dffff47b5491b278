/** Where a command writes: problems and results to `out`, progress and summaries to `err`. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** The directory relative paths are read against (the shell's working directory). */
  readonly cwd: string;
}

/**
 * One `seam` sub-command. Add a command by writing `commands/<name>.ts` that exports a Command and listing it in
 * command-table.ts; main.ts dispatches on that table and builds the usage text from it.
 */
export interface Command {
  readonly name: string;
  /** Argument synopsis shown after the name in the usage text, e.g. `[--check] <file|dir>...`. */
  readonly args: string;
  /** One line for the usage text. */
  readonly summary: string;
  /** Resolves with the process exit code (see EXIT). Must not throw for bad input: report it through io. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The input has problems (an invalid flow, a file that cannot be read, a non-canonical file under --check). */
  problems: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** Seam failed in a way it did not expect: a bug. */
  internal: 70,
} as const;
