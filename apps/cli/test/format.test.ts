import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runSeam, scratchDir } from './run-seam.js';

/** The same JSON with every object's keys in reverse order: a "shuffle" that moves every key. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

const exampleFlow = join(repoRoot, 'flows/crm-to-billing.json');

describe('seam format', () => {
  it('brings a flow with shuffled keys and other whitespace back to byte-identical canonical form', async () => {
    const dir = scratchDir();
    const canonical = readFileSync(exampleFlow, 'utf8');
    const shuffled = JSON.stringify(reverseKeys(JSON.parse(canonical)), null, '\t');
    expect(shuffled).not.toBe(canonical);
    writeFileSync(join(dir, 'crm.json'), shuffled);
    const result = await runSeam(['format', 'crm.json'], dir);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual(['crm.json: formatted']);
    expect(readFileSync(join(dir, 'crm.json'), 'utf8')).toBe(canonical);
  });

  it('leaves canonical files alone and says so', async () => {
    const dir = scratchDir();
    copyFileSync(exampleFlow, join(dir, 'crm.json'));
    const result = await runSeam(['format', '.'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('1 flow file: 0 formatted, 1 already canonical');
  });

  it('with --check lists the files that are not canonical, exits 1 and changes nothing', async () => {
    const dir = scratchDir();
    copyFileSync(exampleFlow, join(dir, 'canonical.json'));
    const minified = JSON.stringify(JSON.parse(readFileSync(exampleFlow, 'utf8')));
    writeFileSync(join(dir, 'minified.json'), minified);
    const result = await runSeam(['format', '--check', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual(['minified.json: not canonical, from line 1']);
    expect(readFileSync(join(dir, 'minified.json'), 'utf8')).toBe(minified);
  });

  it('with --check points at the first line that differs from the canonical form', async () => {
    const dir = scratchDir();
    const canonical = readFileSync(exampleFlow, 'utf8').split('\n');
    // Move a node's position by half a pixel: only the layout section differs once rounded.
    const line = canonical.findIndex((l) => l.includes('"layout"')) + 4;
    canonical[line] = canonical[line]!.replace(/(\d+),?$/, (m, n: string) => `${n}.4${m.endsWith(',') ? ',' : ''}`);
    writeFileSync(join(dir, 'crm.json'), canonical.join('\n'));
    const result = await runSeam(['format', '--check', 'crm.json'], dir);
    expect(result.lines).toEqual([`crm.json: not canonical, from line ${line + 1}`]);
  });

  it('with --check exits 0 on the example flows', async () => {
    const result = await runSeam(['format', '--check', 'flows/'], repoRoot);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses to rewrite a file it cannot load, printing why, and keeps the text', async () => {
    const dir = scratchDir();
    const text = '{ "formatVersion": 2, "id": "half-written", "nodes": [ \n';
    writeFileSync(join(dir, 'half.json'), text);
    writeFileSync(join(dir, 'future.json'), JSON.stringify({ formatVersion: 99, id: 'f', name: 'F', nodes: [] }));
    const result = await runSeam(['format', 'half.json', 'future.json'], dir);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.lines).toEqual([
      'half.json: $: not valid JSON: line 2, column 1: the file ends inside an unclosed array: add the missing "]"',
      'future.json: $.formatVersion: formatVersion 99 is newer than this Seam understands (2): upgrade Seam',
    ]);
    expect(result.stderr).toContain('half.json: not formatted: fix the problems above first');
    expect(readFileSync(join(dir, 'half.json'), 'utf8')).toBe(text);
  });

  it('rewrites a format-1 file in the current format', async () => {
    const dir = scratchDir();
    copyFileSync(join(repoRoot, 'packages/flow/test/fixtures/migrations/orders-format-1.json'), join(dir, 'old.json'));
    const result = await runSeam(['format', 'old.json'], dir);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual(['old.json: formatted (format 1 → 2)']);
    const rewritten = JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8'));
    expect(rewritten.formatVersion).toBe(2);
    expect(rewritten.version).toBeUndefined();
    expect(rewritten.edges[0]).toEqual({ from: 'orders-file', to: 'to-row' });
    expect(rewritten.layout.nodes['to-row']).toEqual({ x: 240, y: 80 });
    const again = await runSeam(['format', '--check', 'old.json'], dir);
    expect(again.code).toBe(0);
  });

  it('formats a loadable flow that still has graph problems, and points at seam validate', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'lonely.json'), JSON.stringify({ formatVersion: 2, id: 'lonely', name: 'Lonely', nodes: [{ id: 'in', type: 'webhook' }] }));
    const result = await runSeam(['format', 'lonely.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lonely.json: note: formatted, but it has 1 problem: see "seam validate lonely.json"');
  });

  it('rewrites the file a symbolic link points to, keeping the link', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'crm.json'), JSON.stringify(JSON.parse(readFileSync(exampleFlow, 'utf8'))));
    symlinkSync(join('shared', 'crm.json'), join(dir, 'crm.json'));
    const result = await runSeam(['format', 'crm.json'], dir);
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, 'crm.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared', 'crm.json'), 'utf8')).toBe(readFileSync(exampleFlow, 'utf8'));
  });

  it('writes atomically: no temporary file is left beside the flow', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'crm.json'), JSON.stringify(JSON.parse(readFileSync(exampleFlow, 'utf8'))));
    await runSeam(['format', 'crm.json'], dir);
    expect(readdirSync(dir)).toEqual(['crm.json']);
  });
});
