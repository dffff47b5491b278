import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs, type TestDirs } from './helpers.js';

const seamBin = fileURLToPath(new URL('../../cli/bin/seam.js', import.meta.url));
let dirs: TestDirs;

beforeAll(() => {
  dirs = tempDirs();
});
afterAll(() => {
  dirs?.remove();
});

describe('seam serve', () => {
  it('prints the address and a login link, serves, and exits 0 on SIGTERM after a graceful shutdown', async () => {
    const child = spawn(process.execPath, [seamBin, 'serve', '--port', '0', '--flows', dirs.flowsDir, '--data', dirs.dataDir], {
      env: { ...process.env, SEAM_TOKEN: '', SEAM_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed; output so far: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /Seam is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match && out.includes('?login=') && out.includes('API token')) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(out).toMatch(/API token \(printed this once, kept in .*token\): \S{32,}/);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect((await fetch(`${url}/api/flows`)).status).toBe(401);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM: stopping intake');
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a bad port with a usage error', async () => {
    const child = spawn(process.execPath, [seamBin, 'serve', '--port', 'http'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port must be a port number');
  });
});
