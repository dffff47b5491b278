import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';
import type { LoginCodes } from './login-codes.js';

const NOT_APP = /^\/(api|hooks|metrics)(\/|$)/;

/**
 * The built designer (apps/web/dist): static files, and index.html for any other GET so that client-side routes
 * survive a reload. `/?login=<code>` spends a one-time code and redirects to `/#token=…`, where the web app takes
 * the token (the fragment never reaches a server log). Without a build, `/` says how to make one.
 */
export function webAppRouter(webDist: string | undefined, token: string, codes: LoginCodes): Router {
  const router = Router();
  router.get('/', (req, res, next) => {
    const code = req.query.login;
    if (typeof code === 'string' && codes.consume(code)) {
      res.set('Cache-Control', 'no-store').redirect(302, `/#token=${encodeURIComponent(token)}`);
      return;
    }
    next();
  });
  const dist = webDist ? resolve(webDist) : undefined;
  const index = dist ? join(dist, 'index.html') : undefined;
  if (!dist || !index || !existsSync(index)) {
    router.get('/', (_req, res) => {
      res.type('text/plain').send('Seam server is running, but the web app is not built: run `npm run build -w @seam/web` (npm start does it for you).\n');
    });
    return router;
  }
  router.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('.html')) res.set('Cache-Control', 'no-cache');
  } }));
  router.get('/*splat', (req, res, next) => {
    if (NOT_APP.test(req.path)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  router.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
