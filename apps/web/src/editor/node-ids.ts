/** A node id not yet used in the flow, derived from a base such as the node type: `jsonata`, `jsonata-2`, … */
export function uniqueNodeId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^a-z0-9-_]/gi, '-').replace(/^[^a-z]+/i, '') || 'node';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/-\d+$/, '');
  for (let n = 2; ; n += 1) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}
