import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { benchDir, repoRoot } from './paths.js';

/** Args and environment for a TypeScript script run in its own Node process (through tsx). */
export interface WorkerSpec {
  /** Path under bench/, e.g. `workers/hand-pipeline.worker.ts`. */
  readonly script: string;
  readonly input: unknown;
  readonly timeoutMs: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly nodeArgs?: readonly string[];
}

/** Starts a TypeScript script in a fresh Node process; the input travels as one JSON argument. */
export function spawnTs(spec: Omit<WorkerSpec, 'timeoutMs'>): ChildProcess {
  return spawn(process.execPath, [...(spec.nodeArgs ?? []), '--import', 'tsx', path.join(benchDir, spec.script), JSON.stringify(spec.input)], {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs a worker to completion and returns the JSON object on its last stdout line. Each measurement gets a fresh
 * process so that one variant's JIT state, heap or open files never colour the next one's figure.
 */
export function runWorker<T>(spec: WorkerSpec): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(spec);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        const why = signal === 'SIGKILL' ? `killed after ${spec.timeoutMs} ms` : `exit ${code ?? signal}`;
        reject(new Error(`${spec.script} failed (${why}): ${lastLines(stderr || stdout)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${spec.script} printed no JSON result: ${lastLines(stdout + stderr)}`));
      }
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ');
}

/** A worker's side: reads its JSON input and prints its JSON result as the last stdout line. */
export function workerInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('worker started without its JSON input argument');
  return JSON.parse(raw) as T;
}

export function workerDone(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
