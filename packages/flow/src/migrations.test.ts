import { describe, expect, it } from 'vitest';
import { loadFlowValue } from './load-flow.js';
import { migrateToCurrent, type Migration } from './migrations.js';

const formatOne = {
  version: 1,
  id: 'old',
  name: 'Old flow',
  nodes: [
    { id: 'src', type: 'inline', position: { x: 0, y: 40 }, config: { messages: [1] } },
    { id: 'out', type: 'log', position: { x: 220, y: 40 } },
  ],
  edges: [{ source: 'src', sourcePort: 'out', target: 'out', targetPort: 'in' }],
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('migrations', () => {
  it('loads a format-1 flow: positions move to layout, edge ends are renamed, the version becomes formatVersion', () => {
    const loaded = loadFlowValue(clone(formatOne));
    expect(loaded.problems).toEqual([]);
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.document).toMatchObject({
      formatVersion: 2,
      nodes: [{ id: 'src', type: 'inline', config: { messages: [1] } }, { id: 'out', type: 'log', config: {} }],
      edges: [{ from: 'src', to: 'out' }],
      layout: { nodes: { src: { x: 0, y: 40 }, out: { x: 220, y: 40 } } },
    });
    expect(loaded.document).not.toHaveProperty('version');
    expect(loaded.document!.nodes[0]).not.toHaveProperty('position');
  });

  it('keeps non-default ports of format-1 edges', () => {
    const result = migrateToCurrent({ ...clone(formatOne), edges: [{ source: 'a', sourcePort: 'error', target: 'b', targetPort: 'in' }] });
    expect(result.ok && result.doc.edges).toEqual([{ from: 'a', fromPort: 'error', to: 'b' }]);
  });

  it('reports problems of a migrated file against the migrated shape', () => {
    const loaded = loadFlowValue({ ...clone(formatOne), edges: [{ source: 'src', target: 'missing' }] });
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['edges', 0, 'to'], code: 'edge-missing-node' })]));
  });

  describe('the mechanism, with a fake chain', () => {
    const applied: number[] = [];
    const chain: Migration[] = [
      { from: 2, describe: 'two to three', migrate: (d) => { applied.push(2); return { ...d, formatVersion: 3, b: true }; } },
      { from: 1, describe: 'one to two', migrate: (d) => { applied.push(1); return { ...d, formatVersion: 2, a: true }; } },
    ];

    it('applies every step after the declared version, in version order, and says where it started', () => {
      applied.length = 0;
      expect(migrateToCurrent({ formatVersion: 1 }, chain, 3)).toEqual({ ok: true, doc: { formatVersion: 3, a: true, b: true }, migratedFrom: 1 });
      expect(applied).toEqual([1, 2]);
    });

    it('starts from the declared version', () => {
      applied.length = 0;
      expect(migrateToCurrent({ formatVersion: 2 }, chain, 3)).toEqual({ ok: true, doc: { formatVersion: 3, b: true }, migratedFrom: 2 });
      expect(applied).toEqual([2]);
    });

    it('leaves a current document alone', () => {
      applied.length = 0;
      expect(migrateToCurrent({ formatVersion: 3, x: 1 }, chain, 3)).toEqual({ ok: true, doc: { formatVersion: 3, x: 1 } });
      expect(applied).toEqual([]);
    });

    it('refuses a version with no migration, a newer version and a version that is not a whole number', () => {
      expect(migrateToCurrent({ formatVersion: 1 }, chain.slice(0, 1), 3)).toEqual({ ok: false, message: 'no migration from format 1: this file cannot be read' });
      expect(migrateToCurrent({ formatVersion: 4 }, chain, 3)).toMatchObject({ ok: false, message: expect.stringContaining('newer than this Seam understands (3)') });
      expect(migrateToCurrent({ formatVersion: 1.5 }, chain, 3)).toMatchObject({ ok: false, message: expect.stringContaining('whole number') });
      expect(migrateToCurrent({}, chain, 3)).toMatchObject({ ok: false, message: 'formatVersion is missing: add "formatVersion": 3' });
    });
  });
});
