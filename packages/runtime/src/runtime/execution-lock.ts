import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { FlowError } from '@seam/flow';

/**
 * One process at a time runs flows on a database: two would drain the same inbox (each message handled twice) and
 * each would take the other's live runs for a crashed process's. The lock is taken when a process first runs a
 * flow (deploy, run once) and given back when its runtime closes; reading or replaying dead letters and run history
 * needs none, so `seam dlq` works beside a running server. A lock left by a process that is gone (a crash, SIGKILL)
 * is taken over.
 */
export interface ExecutionLock {
  take(): void;
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly command: string;
  readonly since: string;
}

/** Runtimes of one process on one database share its lock (tests open several); the file goes with the last. */
const heldHere = new Map<string, number>();

export function executionLock(dbPath: string): ExecutionLock {
  if (dbPath === ':memory:') return { take: () => undefined, release: () => undefined };
  const lockPath = `${dbPath}.lock`;
  let holding = false;
  return {
    take() {
      if (holding) return;
      const shared = heldHere.get(lockPath) ?? 0;
      if (shared === 0) acquire(dbPath, lockPath);
      heldHere.set(lockPath, shared + 1);
      holding = true;
    },
    release() {
      if (!holding) return;
      holding = false;
      const left = (heldHere.get(lockPath) ?? 1) - 1;
      if (left > 0) {
        heldHere.set(lockPath, left);
        return;
      }
      heldHere.delete(lockPath);
      rmSync(lockPath, { force: true });
    },
  };
}

function acquire(dbPath: string, lockPath: string): void {
  const me: Holder = { pid: process.pid, command: commandLine(), since: new Date().toISOString() };
  // Two tries: the second after removing a lock whose process is gone.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new FlowError(
        `the database ${dbPath} is in use by another Seam process (pid ${holder.pid}: ${holder.command}, since ${holder.since}): ` +
          `stop it first, or give this one its own data folder (--data DIR). If no Seam process is running, delete ${lockPath}.`,
        { errorClass: 'config', conflict: true },
      );
    }
    rmSync(lockPath, { force: true });
  }
  throw new FlowError(`could not take the lock ${lockPath}: another process keeps taking it; try again`, { errorClass: 'config', conflict: true });
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, command: String(holder.command ?? 'unknown'), since: String(holder.since ?? 'unknown') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the other process is, for the message: `seam serve`, `seam run flows/x.json`, `node scripts/start.js`. */
function commandLine(): string {
  const args = process.argv.slice(1).map((a) => a.split('/').slice(-2).join('/'));
  return args.join(' ').slice(0, 120) || 'node';
}
