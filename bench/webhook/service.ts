import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server process the bench started: where to send load, and how to stop it. */
export interface Service {
  readonly label: string;
  /** Full URL of the endpoint that receives the CRM events. */
  readonly hookUrl: string;
  stop(): Promise<void>;
}

/** Stops a child we started, by its own handle: SIGTERM, then SIGKILL if it lingers. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** What a server worker announces once it listens. */
export interface ReadyLine {
  readonly ready: true;
  readonly url?: string;
  readonly token?: string;
  readonly hookUrl?: string;
}

/** Waits for a worker's `{"ready":true,…}` stdout line; keeps its stderr tail for error messages. */
export function waitForReadyLine(child: ChildProcess, label: string, timeoutMs: number): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-3000)));
    const timer = setTimeout(() => fail(`${label} did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopChild(child);
      reject(new Error(`${why}: ${stderr.trim().split('\n').slice(-4).join(' | ')}`));
    };
    child.once('exit', (code) => fail(`${label} exited (${code}) before it was ready`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const message = JSON.parse(line) as Partial<ReadyLine>;
        if (message.ready === true) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve(message as ReadyLine);
        }
      } catch {
        // Not our line: servers log to stdout too.
      }
    });
  });
}

/** Polls an endpoint with a real event until it answers 2xx: the service is up and the flow deployed. */
export async function waitUntilAccepting(hookUrl: string, body: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${hookUrl} did not accept an event within ${timeoutMs} ms (last: ${last})`);
}
