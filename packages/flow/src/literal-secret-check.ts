import { problem, type JsonPath, type Problem } from './problem.js';
import { secretNames } from './secret-ref.js';

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|cookie)$/i;

const CREDENTIAL_QUERY_PARAM = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|secret|client[-_]?secret|password|passwd|pwd|sig|signature)$/i;

/** Credentials in header values or URL query parameters must be secret references: a flow file is committed to git. */
export function literalSecretProblems(config: unknown, at: JsonPath): Problem[] {
  return [...literalSecretHeaders(config, at), ...literalSecretInUrl(config, at)];
}

function literalSecretInUrl(config: unknown, at: JsonPath): Problem[] {
  const url = (config as { url?: unknown }).url;
  if (typeof url !== 'string') return [];
  return [...literalPasswordInUrl(url, at), ...literalSecretInQuery(url, at)];
}

/** user:password@host is sent as Basic auth: the password must be a reference too. */
function literalPasswordInUrl(url: string, at: JsonPath): Problem[] {
  const password = /^[a-z]+:\/\/[^/?#@]*?:([^/?#@]*)@/i.exec(url)?.[1];
  if (password === undefined || password === '' || secretNames(decodeURIComponentSafe(password)).length > 0) return [];
  return [problem([...at, 'url'], 'literal-secret',
    'the URL holds a literal password (user:password@host); flow files live in git: write it as a reference such as user:{{secret.API_PASSWORD}}@host, or send an Authorization header with a secret reference')];
}

function literalSecretInQuery(url: string, at: JsonPath): Problem[] {
  const query = url.split('#')[0]!.split('?')[1] ?? '';
  return query.split('&')
    .map((pair) => pair.split('='))
    .filter(([name, value]) => name !== undefined && CREDENTIAL_QUERY_PARAM.test(name) && value !== undefined && value !== '' && secretNames(decodeURIComponentSafe(value)).length === 0)
    .map(([name]) =>
      problem([...at, 'url'], 'literal-secret',
        `the URL's "${name}" parameter holds a literal credential; flow files live in git: write it as a reference such as ${name}={{secret.API_KEY}}`),
    );
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function literalSecretHeaders(config: unknown, at: JsonPath): Problem[] {
  const headers = (config as { headers?: unknown }).headers;
  if (typeof headers !== 'object' || headers === null) return [];
  return Object.entries(headers as Record<string, unknown>)
    .filter(([name, value]) => CREDENTIAL_HEADER.test(name) && typeof value === 'string' && value.trim() !== '' && secretNames(value).length === 0)
    .map(([name]) =>
      problem([...at, 'headers', name], 'literal-secret',
        `header "${name}" holds a literal credential; flow files live in git: write it as a reference such as "Bearer {{secret.API_TOKEN}}"`),
    );
}
