import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A file to process, or an argument that names none, with the sentence to print for it. */
export type FlowFileTarget =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'error'; readonly arg: string; readonly message: string };

/**
 * Expands `<file|dir>...` into flow files. A directory stands for the `*.json` files directly inside it — not
 * its subfolders, so sample data such as flows/data/*.json is never mistaken for a flow. Files are listed once,
 * in a stable order; a directory with no flows is an error, because "nothing checked" must not pass as "all valid".
 */
export function expandFlowArgs(args: readonly string[], cwd: string): FlowFileTarget[] {
  const targets: FlowFileTarget[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ kind: 'file', file });
  };
  for (const arg of args) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolve(cwd, arg)).isDirectory();
    } catch {
      // A missing path is reported when the file is read, with the same wording as other read errors.
      add(arg);
      continue;
    }
    if (!isDirectory) {
      add(arg);
      continue;
    }
    const flows = listFlowFiles(resolve(cwd, arg));
    if (typeof flows === 'string') targets.push({ kind: 'error', arg, message: flows });
    else if (flows.length === 0) targets.push({ kind: 'error', arg, message: 'no flow files here: a directory stands for the *.json files directly inside it' });
    else for (const name of flows) add(join(arg, name));
  }
  return targets;
}

function listFlowFiles(dir: string): string[] | string {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.isDirectory() && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    return `cannot list this directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}
