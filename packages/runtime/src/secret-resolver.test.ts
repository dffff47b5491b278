import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowError } from '@seam/flow';
import { describe, expect, it } from 'vitest';
import { createSecretResolver } from './secret-resolver.js';

describe('secret resolver', () => {
  it('looks in the options, then SEAM_SECRET_<NAME>, then <dataDir>/secrets.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-secrets-'));
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ FROM_FILE: 'file-value', BOTH: 'file-loses' }));
    const secrets = createSecretResolver(dir, { GIVEN: 'given-value' }, { SEAM_SECRET_BOTH: 'env-wins' });
    expect(secrets.resolve('{{secret.GIVEN}} {{ secret.BOTH }} {{secret.FROM_FILE}}')).toBe('given-value env-wins file-value');
  });

  it('names a missing secret in a config error', () => {
    const secrets = createSecretResolver('/nonexistent', {}, {});
    expect(() => secrets.resolve('Bearer {{secret.API_TOKEN}}')).toThrow(FlowError);
    expect(() => secrets.resolve('Bearer {{secret.API_TOKEN}}')).toThrow(/secret "API_TOKEN" is not set.*SEAM_SECRET_API_TOKEN/);
  });

  it('redacts values it handed out', () => {
    const secrets = createSecretResolver('/nonexistent', { TOKEN: 'abc123xyz' }, {});
    expect(secrets.redact('auth abc123xyz')).toBe('auth abc123xyz');
    secrets.resolve('{{secret.TOKEN}}');
    expect(secrets.redact('auth abc123xyz and abc123xyz')).toBe('auth [secret:TOKEN] and [secret:TOKEN]');
  });
});
