import { formatPath, type Problem } from '@seam/flow';

/** The one line Seam prints per problem: `<file>: <json-path>: <message>`. */
export function problemLine(file: string, p: Problem): string {
  return `${file}: ${formatPath(p.path)}: ${p.message}`;
}

/** "1 file" / "3 files": counts in summaries read as sentences. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
