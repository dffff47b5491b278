// docs/flow-format.md must not drift from the code: its node-type reference is generated from the catalog, and
// its complete example must be a valid flow in canonical form.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogReferenceMarkdown, loadFlowText, serializeFlow } from '@seam/flow';
import { repoRoot } from './run-seam.js';

const docPath = join(repoRoot, 'docs/flow-format.md');
const BEGIN = /<!-- node-types:begin[^>]*-->\n/;
const END = '<!-- node-types:end -->';

describe('docs/flow-format.md', () => {
  it('lists every node type and config field exactly as the catalog declares them', () => {
    const doc = readFileSync(docPath, 'utf8');
    const begin = BEGIN.exec(doc);
    const end = doc.indexOf(END);
    expect(begin, 'the node-types:begin marker').not.toBeNull();
    expect(end, 'the node-types:end marker').toBeGreaterThan(-1);
    const start = begin!.index + begin![0].length;
    const generated = `\n${catalogReferenceMarkdown()}\n`;
    if (process.env.SEAM_UPDATE_DOCS) writeFileSync(docPath, doc.slice(0, start) + generated + doc.slice(end));
    else expect(doc.slice(start, end), 'run: SEAM_UPDATE_DOCS=1 npx vitest run apps/cli/test/flow-format-doc.test.ts').toBe(generated);
  });

  it('shows a complete example that is a valid flow in canonical form', () => {
    const doc = readFileSync(docPath, 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const loaded = loadFlowText(example);
    expect(loaded.problems).toEqual([]);
    expect(serializeFlow(loaded.document!)).toBe(example);
  });
});
