import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { api, startTestServer, tempDirs, type TestDirs } from './helpers.js';

let dirs: TestDirs;
let server: RunningServer;
let bare: RunningServer;

beforeAll(async () => {
  dirs = tempDirs();
  const webDist = join(dirs.dataDir, '..', 'web-dist');
  mkdirSync(join(webDist, 'assets'), { recursive: true });
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Seam designer</title>');
  writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log("seam")');
  server = await startTestServer(dirs, { webDist });
  bare = await startTestServer({ ...dirs, dataDir: join(dirs.dataDir, 'second') }, { webDist: join(dirs.dataDir, 'no-such-build') });
});
afterAll(async () => {
  await server?.close();
  await bare?.close();
  dirs?.remove();
});

describe('serving the web app', () => {
  it('serves files, falls back to index.html for client routes, and keeps /api answers JSON', async () => {
    const root = await fetch(`${server.url}/`);
    expect(await root.text()).toContain('Seam designer');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    const route = await fetch(`${server.url}/flows/crm-to-billing/dead-letters`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Seam designer');

    const unknownApi = await api<{ error: { kind: string } }>(server, 'GET', '/api/no-such-endpoint');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.body.error.kind).toBe('not-found');
    const unknownHook = await fetch(`${server.url}/hooks/x`, { method: 'POST' });
    expect(unknownHook.status).toBe(404);
  });

  it('says how to build the web app when there is no build', async () => {
    const root = await fetch(`${bare.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('npm run build -w @seam/web');
  });
});
