import { describe, expect, it } from 'vitest';
import type { FlowNode } from '@seam/flow';
import { buildPact } from './pact-export.js';

const sink = (config: Record<string, unknown>, label?: string): FlowNode => ({ id: 'billing-api', type: 'http', config, ...(label ? { label } : {}) });

describe('buildPact', () => {
  it('names the provider after the URL host, or the label when the URL is a loopback or IP address', () => {
    expect(buildPact('f', sink({ url: 'https://billing.example.com/v1/invoices' }, 'Billing'), [])?.provider.name).toBe('billing.example.com');
    expect(buildPact('f', sink({ url: 'http://127.0.0.1:4010/invoices' }, 'Billing'), [])?.provider.name).toBe('Billing');
    expect(buildPact('f', sink({ url: 'http://localhost:4010/invoices' }), [])?.provider.name).toBe('billing-api');
  });

  it('leaves secret references out of headers and query, and defaults the method to POST', () => {
    const pact = buildPact('f', sink({ url: 'https://b.example.com/x?api_key={{secret.KEY}}&v=2', headers: { Authorization: 'Bearer {{secret.T}}', 'content-type': 'application/json; charset=utf-8' } }), [
      { description: 'one', body: { a: 1 } },
    ]);
    expect(pact?.interactions[0]?.request).toEqual({
      method: 'POST', path: '/x', query: { v: ['2'] }, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { a: 1 },
    });
  });

  it('writes one interaction per distinct body, whatever the key order', () => {
    const pact = buildPact('f', sink({ url: 'https://b.example.com/x' }), [
      { description: 'first', body: { a: 1, b: 2 } },
      { description: 'same again', body: { b: 2, a: 1 } },
      { description: 'other', body: { a: 2, b: 2 } },
    ]);
    expect(pact?.interactions.map((i) => i.description)).toEqual(['first', 'other']);
  });

  it('writes nothing for sinks that are not HTTP', () => {
    expect(buildPact('f', { id: 'rows', type: 'sqlite', config: {} }, [{ description: 'x', body: {} }])).toBeUndefined();
  });
});
