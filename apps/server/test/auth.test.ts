import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, rawRequest, startTestServer, tempDirs, type TestDirs } from './helpers.js';

let dirs: TestDirs;
let server: RunningServer;

const envToken = process.env.SEAM_TOKEN;

beforeAll(async () => {
  delete process.env.SEAM_TOKEN; // this test is about the generated token
  dirs = tempDirs();
  // No token option: the server must generate one into the data folder.
  server = await startTestServer(dirs, { token: undefined });
});
afterAll(async () => {
  if (envToken !== undefined) process.env.SEAM_TOKEN = envToken;
  await server?.close();
  dirs?.remove();
});

describe('the API token', () => {
  it('is generated on first start into <dataDir>/token with mode 0600', () => {
    const file = join(dirs.dataDir, 'token');
    expect(server.tokenCreated).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(server.token);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is required by every API call except health, and by /metrics', async () => {
    expect((await api(server, 'GET', '/api/health', { token: null })).status).toBe(200);
    for (const [method, path] of [['GET', '/api/flows'], ['GET', '/api/catalog'], ['POST', '/api/flows'], ['GET', '/api/dead-letters'], ['GET', '/api/events'], ['GET', '/metrics'], ['GET', '/api/nope']] as const) {
      const answer = await api<{ error: { kind: string } }>(server, method, path, { token: null });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body.error.kind).toBe('auth');
    }
    const wrong = await api(server, 'GET', '/api/flows', { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    const right = await api(server, 'GET', '/api/flows', { token: server.token });
    expect(right.status).toBe(200);
  });

  it('is accepted in the query only by the event stream', async () => {
    const flows = await api(server, 'GET', `/api/flows?token=${server.token}`, { token: null });
    expect(flows.status).toBe(401);
    const controller = new AbortController();
    const events = await fetch(`${server.url}/api/events?token=${server.token}`, { signal: controller.signal });
    expect(events.status).toBe(200);
    controller.abort();
  });

  it('is handed to the browser once through the login link, and via POST /api/login', async () => {
    const link = new URL(server.loginUrl());
    const code = link.searchParams.get('login')!;
    const first = await rawRequest(server.url, 'GET', `/?login=${code}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe(`/#token=${encodeURIComponent(server.token)}`);
    const second = await rawRequest(server.url, 'GET', `/?login=${code}`);
    expect(second.status).not.toBe(302);

    const other = new URL(server.loginUrl()).searchParams.get('login')!;
    const exchanged = await api<{ token: string }>(server, 'POST', '/api/login', { body: { code: other }, token: null });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.token).toBe(server.token);
    expect((await api(server, 'POST', '/api/login', { body: { code: other }, token: null })).status).toBe(401);
    expect((await api(server, 'POST', '/api/login', { body: { token: server.token }, token: null })).status).toBe(200);
    expect((await api(server, 'POST', '/api/login', { body: { token: 'guess' }, token: null })).status).toBe(401);
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('comes from SEAM_TOKEN when it is set, without touching the token file', async () => {
    const other = tempDirs();
    process.env.SEAM_TOKEN = 'from-the-environment-0123456789';
    try {
      const envServer = await startTestServer(other, { token: undefined });
      try {
        expect(envServer.token).toBe('from-the-environment-0123456789');
        expect(envServer.tokenCreated).toBe(false);
        expect(existsSync(join(other.dataDir, 'token'))).toBe(false);
        expect((await api(envServer, 'GET', '/api/flows', { token: 'from-the-environment-0123456789' })).status).toBe(200);
      } finally {
        await envServer.close();
      }
    } finally {
      delete process.env.SEAM_TOKEN;
      other.remove();
    }
  });
});

