import { mkdirSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runSeam, scratchDir } from './run-seam.js';

const minimalFlow = (extra: Record<string, unknown> = {}) => JSON.stringify({
  formatVersion: 2,
  id: 'tiny',
  name: 'Tiny',
  nodes: [
    { id: 'in', type: 'inline', config: { messages: [{ a: 1 }] } },
    { id: 'out', type: 'log', config: {} },
  ],
  edges: [{ from: 'in', to: 'out' }],
  ...extra,
});

describe('seam validate', () => {
  it('accepts the example flows in flows/ with exit 0', async () => {
    const result = await runSeam(['validate', 'flows/'], repoRoot);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^\d+ flow files checked: all valid$/m);
    expect(result.code).toBe(0);
  });

  it('prints one "<file>: <json-path>: <message>" line per problem and exits 1', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({
      formatVersion: 2,
      id: 'broken',
      name: 'Broken',
      nodes: [
        { id: 'in', type: 'webhook', config: {} },
        { id: 'map', type: 'jsonata', config: { expression: '{ "a": ' } },
        { id: 'out', type: 'htp', config: {} },
      ],
      edges: [{ from: 'in', to: 'map' }, { from: 'map', to: 'gone' }],
    }));
    const result = await runSeam(['validate', 'broken.json'], dir);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^broken\.json: \$\.nodes\[1\]\.config\.expression: JSONata does not parse at character \d+/),
      expect.stringMatching(/^broken\.json: \$\.nodes\[2\]\.type: unknown node type "htp"; did you mean "http"\?/),
      'broken.json: $.edges[1].to: edge ends at node "gone", which does not exist',
    ]));
    for (const line of result.lines) expect(line).toMatch(/^broken\.json: \$[^:]*: \S/);
    expect(result.stderr).toContain('with problems');
  });

  it('answers each kind of garbage with one clear line naming the file, never a stack trace', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'prose.json'), 'Dear team, please find the flow attached.\n');
    writeFileSync(join(dir, 'truncated.json'), '{\n  "formatVersion": 2,\n  "nodes": [\n');
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, 'array.json'), '[{"id": "a"}]');
    writeFileSync(join(dir, 'huge.json'), '');
    truncateSync(join(dir, 'huge.json'), 50 * 1024 * 1024);
    mkdirSync(join(dir, 'no-flows'));
    writeFileSync(join(dir, 'no-flows', 'readme.txt'), 'not a flow');
    const names = ['empty.json', 'prose.json', 'truncated.json', 'binary.json', 'array.json', 'huge.json', 'missing.json', 'no-flows'];
    const result = await runSeam(['validate', ...names], dir);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.lines).toHaveLength(names.length);
    const lineFor = (name: string) => result.lines.find((l) => l.startsWith(`${name}: `)) ?? '';
    expect(lineFor('empty.json')).toContain('the file is empty');
    expect(lineFor('prose.json')).toMatch(/not valid JSON: line 1, column 1: unexpected word "Dear"/);
    expect(lineFor('truncated.json')).toMatch(/not valid JSON: line 4, column 1: the file ends inside an unclosed array/);
    expect(lineFor('binary.json')).toContain('binary');
    expect(lineFor('array.json')).toContain('must be a JSON object');
    expect(lineFor('huge.json')).toMatch(/50\.0 MB; a flow file may be at most 10\.0 MB/);
    expect(lineFor('missing.json')).toBe('missing.json: no such file or directory');
    expect(lineFor('no-flows')).toContain('no flow files here');
  });

  it('refuses a file that is not UTF-8 rather than reading "é" as a replacement character', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{\n  "name": "Caf\xe9"\n}', 'latin1'));
    const result = await runSeam(['validate', 'latin1.json'], dir);
    expect(result.lines).toEqual(['latin1.json: the file is not UTF-8 text (line 2, column 15): save it as UTF-8']);
    expect(result.code).toBe(1);
  });

  it('reads a directory as the *.json files directly inside it, not its subfolders', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'flows', 'data'), { recursive: true });
    writeFileSync(join(dir, 'flows', 'tiny.json'), minimalFlow());
    writeFileSync(join(dir, 'flows', 'notes.md'), '# not a flow');
    writeFileSync(join(dir, 'flows', 'data', 'orders.json'), '[{"orderId": 1}]');
    const result = await runSeam(['validate', 'flows'], dir);
    expect(result.stderr).toContain('1 flow file checked: all valid');
    expect(result.code).toBe(0);
  });

  it('checks a file named twice only once', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bad.json'), '{');
    const result = await runSeam(['validate', 'bad.json', './bad.json', '.'], dir);
    expect(result.lines).toHaveLength(1);
    expect(result.code).toBe(1);
  });

  it('accepts a format-1 file, noting that seam format would rewrite it', async () => {
    const dir = scratchDir();
    copyFileSync(join(repoRoot, 'packages/flow/test/fixtures/migrations/orders-format-1.json'), join(dir, 'old.json'));
    const result = await runSeam(['validate', 'old.json'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('old.json: note: written in format 1; it loads, but "seam format old.json" rewrites it in format 2');
  });

  it('rejects a command line without files, or with an unknown option, with exit 2 and the usage', async () => {
    const dir = scratchDir();
    const noFiles = await runSeam(['validate'], dir);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain('usage: seam validate <file|dir>...');
    const badOption = await runSeam(['validate', '--strict', 'x.json'], dir);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('unknown option "--strict"');
  });
});
