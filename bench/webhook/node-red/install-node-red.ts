import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NotReady } from '../../lib/figure.js';
import { peersDir } from '../../lib/paths.js';

const packageJson = path.join(peersDir, 'node_modules', 'node-red', 'package.json');

/** Node-RED's entry script, installing node-red@4 into bench/.peers first when it is missing (5.x needs Node 22). */
export async function ensureNodeRed(progress: (line: string) => void): Promise<{ redJs: string; version: string }> {
  if (!existsSync(packageJson)) {
    progress('node-red: installing node-red@4 into bench/.peers (once)');
    mkdirSync(peersDir, { recursive: true });
    const code = await new Promise<number | null>((resolve) => {
      // Optional deps (bcrypt's native build) are not needed to serve HTTP flows and only slow the install down.
      const npm = spawn('npm', ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '--omit=optional', '--omit=dev', 'node-red@4'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      npm.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
      const timer = setTimeout(() => npm.kill('SIGKILL'), 300_000);
      npm.on('close', (c) => {
        clearTimeout(timer);
        if (c !== 0) progress(`node-red: npm install failed: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        resolve(c);
      });
      npm.on('error', () => resolve(-1));
    });
    if (code !== 0 || !existsSync(packageJson)) throw new NotReady('node-red@4 could not be installed into bench/.peers (npm install failed; see the progress output)');
  }
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  return { redJs: path.join(path.dirname(packageJson), 'red.js'), version };
}
