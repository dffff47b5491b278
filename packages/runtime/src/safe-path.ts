import { isAbsolute, relative, resolve } from 'node:path';
import { FlowError } from '@seam/flow';

/** Resolves `path` inside `root`; a path that would leave it (absolute, `..`) is a `config` FlowError. */
export function insideRoot(root: string, path: string, what: string): string {
  const base = resolve(root);
  const full = resolve(base, path);
  const rel = relative(base, full);
  if (isAbsolute(path) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new FlowError(`${what} "${path}" must stay inside ${base}`, { errorClass: 'config' });
  }
  return full;
}
