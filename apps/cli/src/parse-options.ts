/** A command line split into the flags a command knows and its positional arguments. */
export type ParsedOptions =
  | { readonly ok: true; readonly flags: ReadonlySet<string>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Accepts only `known` flags (e.g. `--check`); `--` ends the options so that a file may be named `--odd.json`. */
export function parseOptions(args: readonly string[], known: readonly string[]): ParsedOptions {
  const flags = new Set<string>();
  const positionals: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (known.includes(arg)) {
      flags.add(arg);
    } else {
      const allowed = known.length > 0 ? `; options here: ${known.join(', ')}` : '; this command takes no options';
      return { ok: false, message: `unknown option "${arg}"${allowed}` };
    }
  }
  return { ok: true, flags, positionals };
}
