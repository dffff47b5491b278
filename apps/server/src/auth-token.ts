import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/** Where the API token came from; `created` is true only on the start that generated it (it is printed then). */
export interface ApiToken {
  readonly token: string;
  readonly source: 'option' | 'env' | 'file';
  readonly file?: string;
  readonly created: boolean;
}

/** The token: an explicit option, else env SEAM_TOKEN, else `<dataDir>/token` (generated with mode 0600 on first start). */
export function loadOrCreateToken(dataDir: string, explicit?: string): ApiToken {
  if (explicit) return { token: explicit, source: 'option', created: false };
  const fromEnv = process.env.SEAM_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'env', created: false };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'token');
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return { token, source: 'file', file, created: false };
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, source: 'file', file, created: true };
}

/** Compares in constant time (hashing first makes the lengths equal). */
export function sameToken(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Requires `Authorization: Bearer <token>`. Paths in `queryTokenPaths` may pass it as `?token=` instead, because
 * a browser's EventSource cannot set headers.
 */
export function requireToken(token: string, queryTokenPaths: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    const bearer = header && /^Bearer\s+(.+)$/i.exec(header.trim())?.[1];
    const fromQuery = queryTokenPaths.includes(req.path) && typeof req.query.token === 'string' ? req.query.token : undefined;
    const given = bearer ?? fromQuery;
    if (given && sameToken(given, token)) {
      next();
      return;
    }
    next(new HttpError(401, 'auth', given
      ? 'the token is wrong: use the token from the server (printed at first start, saved in .seam/token) or its one-time login link'
      : 'this call needs the API token: send "Authorization: Bearer <token>"'));
  };
}
