import type { Row } from './figure.js';

/*
 * Rows one part measured that another part puts in context (figure 1's peak RSS at 100k messages next to figure
 * 4's at 1M: flat memory means they agree). Parts run in order in one process, so a plain map is enough.
 */
const rows = new Map<string, Row>();

export function observe(key: string, row: Row): void {
  rows.set(key, row);
}

export function observed(key: string): Row | undefined {
  return rows.get(key);
}
