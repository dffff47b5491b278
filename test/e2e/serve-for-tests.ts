// Starts the real Seam server for the end-to-end tests: a temp copy of flows/, a temp data dir (real SQLite file),
// a fixed token, the built web app. Playwright's webServer runs it and stops it (SIGTERM) at the end.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runServer } from '@seam/server';
import { E2E_DATA_DIR, E2E_FLOWS_DIR, E2E_LOGIN_LINKS, E2E_PORT, E2E_TOKEN, E2E_WORK_DIR } from './e2e-env.js';

const root = resolve(import.meta.dirname, '..', '..');
const flowsDir = E2E_FLOWS_DIR;
const dataDir = E2E_DATA_DIR;
// A fresh copy on every start: tests create, save and delete flows there, never in the repository's flows/.
rmSync(E2E_WORK_DIR, { recursive: true, force: true });
mkdirSync(flowsDir, { recursive: true });
if (existsSync(join(root, 'flows'))) cpSync(join(root, 'flows'), flowsDir, { recursive: true });

const server = await runServer({
  port: E2E_PORT,
  host: '127.0.0.1',
  flowsDir,
  dataDir,
  token: E2E_TOKEN,
  webDist: join(root, 'apps', 'web', 'dist'),
});

// One-time login links, as the server prints them at start, for the sign-in test.
writeFileSync(E2E_LOGIN_LINKS, `${[server.loginUrl(), server.loginUrl()].join('\n')}\n`);
