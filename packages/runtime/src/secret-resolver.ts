import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowError, resolveSecretRefs } from '@seam/flow';

/** Looks secrets up by name and replaces their values in anything bound for logs, run history or the DLQ. */
export interface SecretResolver {
  /** Replaces every `{{secret.NAME}}`; a missing secret is a `config` FlowError naming it. */
  resolve(text: string): string;
  /** Replaces every known secret value in `text` with `[secret:NAME]`. */
  redact(text: string): string;
}

const ENV_PREFIX = 'SEAM_SECRET_';

/**
 * Secrets come, in order, from the runtime options (tests), the environment (SEAM_SECRET_<NAME>) and the
 * git-ignored <dataDir>/secrets.json. The file is read lazily and once.
 */
export function createSecretResolver(dataDir: string, given: Readonly<Record<string, string>> = {}, env: NodeJS.ProcessEnv = process.env): SecretResolver {
  let fromFile: Record<string, string> | undefined;
  const used = new Map<string, string>();
  const file = () => {
    if (fromFile) return fromFile;
    try {
      const parsed = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as unknown;
      fromFile = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : {};
    } catch {
      fromFile = {};
    }
    return fromFile;
  };
  const lookup = (name: string): string | undefined => {
    const value = given[name] ?? env[`${ENV_PREFIX}${name}`] ?? file()[name];
    // Only values that were actually handed out need redacting; short values would redact ordinary words.
    if (value !== undefined && value.length >= 4) used.set(name, value);
    return value;
  };
  return {
    resolve: (text) =>
      resolveSecretRefs(text, lookup, (name) => {
        throw new FlowError(
          `secret "${name}" is not set: define the environment variable ${ENV_PREFIX}${name} or add "${name}" to ${join(dataDir, 'secrets.json')}`,
          { errorClass: 'config' },
        );
      }),
    redact: (text) => {
      let out = text;
      for (const [name, value] of used) if (out.includes(value)) out = out.split(value).join(`[secret:${name}]`);
      return out;
    },
  };
}
