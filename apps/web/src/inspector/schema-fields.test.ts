import { describe, expect, it } from 'vitest';
import { nodeDefinition, type NodeDefinition } from '@seam/flow';
import { configFields, humanLabel, type FieldSpec } from './schema-fields';

const def = (type: string): NodeDefinition => {
  const d = nodeDefinition(type);
  if (!d) throw new Error(`no ${type}`);
  return d;
};
const field = (fields: readonly FieldSpec[], key: string) => fields.find((f) => f.key === key);

describe('config form generation', () => {
  it('turns the HTTP sink config into url, method, headers and timeout inputs', () => {
    const fields = configFields(def('http'));
    expect(fields.map((f) => [f.key, f.kind])).toEqual([['url', 'string'], ['method', 'enum'], ['headers', 'map'], ['timeoutMs', 'number']]);
    expect(field(fields, 'url')?.required).toBe(true);
    expect(field(fields, 'method')).toMatchObject({ options: ['POST', 'PUT', 'PATCH'], defaultValue: 'POST', required: false });
    expect(field(fields, 'timeoutMs')).toMatchObject({ integer: true, min: 10, max: 600_000, label: 'Timeout (ms)' });
  });

  it('makes nested objects, booleans and enum lists from the retry policy', () => {
    const fields = configFields(def('retry'));
    expect(field(fields, 'retryOn')).toMatchObject({ kind: 'multi-enum', options: expect.arrayContaining(['5xx', '429']) });
    const breaker = field(fields, 'breaker');
    expect(breaker?.kind).toBe('object');
    if (breaker?.kind !== 'object') return;
    expect(breaker.fields.map((f) => f.key)).toEqual(['failureThreshold', 'coolDownMs', 'whenOpen', 'maxWaitMs']);
    expect(field(fields, 'multiplier')).toMatchObject({ kind: 'number', integer: false });
  });

  it('edits lists of objects item by item and free-form values as JSON', () => {
    const coercions = field(configFields(def('json-schema')), 'coercions');
    expect(coercions?.kind).toBe('list');
    if (coercions?.kind === 'list') expect(coercions.item.kind).toBe('object');
    expect(field(configFields(def('json-schema')), 'schema')?.kind).toBe('json');
    expect(field(configFields(def('inline')), 'messages')?.kind).toBe('json');
    expect(field(configFields(def('schedule')), 'payload')?.kind).toBe('json');
    expect(field(configFields(def('file')), 'csv')?.kind).toBe('object');
    expect(field(configFields(def('sqlite')), 'columns')).toMatchObject({ kind: 'list', item: { kind: 'string' } });
  });

  it('gives every catalog field a human label', () => {
    expect(humanLabel('maxBodyBytes')).toBe('Max body (bytes)');
    expect(humanLabel('retryOn')).toBe('Retry on');
    expect(humanLabel('url')).toBe('URL');
    expect(humanLabel('nextLink')).toBe('Next link');
  });
});
