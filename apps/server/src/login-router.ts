import { Router } from 'express';
import { z } from 'zod';
import { sameToken } from './auth-token.js';
import { HttpError } from './http-error.js';
import type { LoginCodes } from './login-codes.js';
import { bodyOf, parseRequest } from './request-body.js';

const loginBody = z.union([
  z.strictObject({ code: z.string().min(1).max(200) }),
  z.strictObject({ token: z.string().min(1).max(500) }),
]);

/** POST /api/login: a one-time code (from the printed link) or a pasted token → the token, for the web app to keep. */
export function loginRouter(token: string, codes: LoginCodes): Router {
  const router = Router();
  router.post('/api/login', (req, res) => {
    const body = parseRequest(loginBody, bodyOf(req) ?? {});
    const ok = 'code' in body ? codes.consume(body.code) : sameToken(body.token, token);
    if (!ok) {
      throw new HttpError(401, 'auth', 'code' in body
        ? 'this login link was already used or has expired: restart the server for a new one, or paste the token from .seam/token'
        : 'the token is wrong');
    }
    res.json({ token });
  });
  return router;
}
