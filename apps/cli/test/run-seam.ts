import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(repoRoot, 'apps/cli/bin/seam.js');

export interface SeamResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout lines without the trailing empty one. */
  readonly lines: string[];
}

/** Runs the real `seam` executable, as a user would, in `cwd`. */
export function runSeam(args: readonly string[], cwd: string): Promise<SeamResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, SEAM_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== '') }));
  });
}

/** A fresh scratch directory for one test. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'seam-cli-'));
}

/** True when output looks like a leaked stack trace rather than a sentence for the user. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /\n\s+at /.test(text);
}
