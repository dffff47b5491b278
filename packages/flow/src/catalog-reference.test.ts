import { describe, expect, it } from 'vitest';
import { catalogReferenceMarkdown, configFieldReference } from './catalog-reference.js';
import { nodeCatalog, retryPolicy, httpPollSource } from './node-catalog.js';

describe('catalog reference', () => {
  it.each(nodeCatalog.map((d) => [d.type, d] as const))('%s describes every config field, for the docs and the inspector', (_type, d) => {
    for (const field of configFieldReference(d)) expect(field.description, `${d.type}.${field.name}`).not.toBe('');
  });

  it('lists nested fields with dotted names, their defaults and whether they are required', () => {
    const fields = configFieldReference(httpPollSource);
    expect(fields.find((f) => f.name === 'url')).toMatchObject({ required: true, type: 'text (not empty)' });
    expect(fields.find((f) => f.name === 'cursor.param')).toMatchObject({ required: true });
    expect(fields.find((f) => f.name === 'intervalMs')).toMatchObject({ required: false, default: 60_000, type: 'whole number 100–86400000' });
    expect(configFieldReference(retryPolicy).find((f) => f.name === 'breaker.whenOpen')?.type).toBe('one of `wait`, `dead-letter`');
  });

  it('renders one section per node type', () => {
    const markdown = catalogReferenceMarkdown();
    for (const d of nodeCatalog) expect(markdown).toContain(`### \`${d.type}\` — ${d.title} (${d.kind})`);
  });
});
