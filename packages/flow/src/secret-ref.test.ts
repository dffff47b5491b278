import { describe, expect, it } from 'vitest';
import { resolveSecretRefs, secretNames } from './secret-ref.js';

describe('secret references', () => {
  it('lists the secret names a text refers to, in order, tolerating spaces inside the braces', () => {
    expect(secretNames('Bearer {{secret.BILLING_TOKEN}} and {{ secret.other_key }}')).toEqual(['BILLING_TOKEN', 'other_key']);
    expect(secretNames('Bearer abc {{env.X}} {{secret.}}')).toEqual([]);
  });

  it('resolves references and reports a secret it cannot find', () => {
    expect(resolveSecretRefs('Bearer {{secret.T}}', (n) => (n === 'T' ? 'xyz' : undefined), () => { throw new Error('unreachable'); })).toBe('Bearer xyz');
    expect(() => resolveSecretRefs('{{secret.MISSING}}', () => undefined, (name) => { throw new Error(`secret ${name} is not set`); }))
      .toThrow('secret MISSING is not set');
  });
});
