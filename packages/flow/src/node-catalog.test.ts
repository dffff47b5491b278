import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { nodeCatalog, nodeDefinition, nodeKinds } from './node-catalog.js';
import { checkConfig } from './graph-checks.js';

describe('node catalog', () => {
  it('declares each node type once, with a known kind', () => {
    const types = nodeCatalog.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const d of nodeCatalog) expect(nodeKinds).toContain(d.kind);
  });

  it('covers the node kinds of the design: five sources, a transform, a validator, retry and four sinks', () => {
    const byKind = (kind: string) => nodeCatalog.filter((d) => d.kind === kind).map((d) => d.type).sort();
    expect(byKind('source')).toEqual(['file', 'http-poll', 'inline', 'schedule', 'webhook']);
    expect(byKind('transform')).toEqual(['jsonata']);
    expect(byKind('validate')).toEqual(['json-schema']);
    expect(byKind('retry')).toEqual(['retry']);
    expect(byKind('sink')).toEqual(['file-append', 'http', 'log', 'sqlite']);
  });

  it.each(nodeCatalog.map((d) => [d.type, d] as const))('%s has docs for the palette and inspector', (_type, d) => {
    expect(d.title.length).toBeGreaterThan(2);
    expect([...d.icon]).toHaveLength(1);
    expect(d.summary.length).toBeGreaterThan(10);
    expect(d.doc.length).toBeGreaterThan(d.summary.length);
  });

  it.each(nodeCatalog.map((d) => [d.type, d] as const))('%s has ports that fit its kind', (_type, d) => {
    expect(d.ports.inputs).toEqual(d.kind === 'source' ? [] : ['in']);
    expect(d.ports.outputs).toEqual(d.kind === 'sink' ? [] : ['out']);
  });

  it.each(nodeCatalog.map((d) => [d.type, d] as const))('%s declares its config as an object schema, so forms can be built from it', (_type, d) => {
    expect(d.config).toBeInstanceOf(z.ZodObject);
  });

  it('gives defaults that pass their own config, except a URL the user must fill in', () => {
    for (const d of nodeCatalog) {
      const problems = checkConfig(d, d.defaults, ['config']);
      const expected = d.type === 'http' || d.type === 'http-poll' ? [['config', 'url']] : d.type === 'json-schema' ? [] : [];
      expect(problems.map((p) => p.path), d.type).toEqual(expected);
    }
  });

  it('finds definitions by type and answers undefined for an unknown one', () => {
    expect(nodeDefinition('jsonata')?.kind).toBe('transform');
    expect(nodeDefinition('kafka')).toBeUndefined();
  });
});
