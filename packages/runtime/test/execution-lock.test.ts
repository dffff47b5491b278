import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/index.js';
import { chainFlow, tempWorld, testRuntime } from './helpers/flows.js';

const SEAM = resolve(import.meta.dirname, '../../../apps/cli/bin/seam.js');

let world: ReturnType<typeof tempWorld>;
let runtime: Runtime | undefined;
let hanging: Server | undefined;
let child: ChildProcess | undefined;

beforeEach(() => {
  world = tempWorld();
});
afterEach(async () => {
  child?.kill('SIGKILL');
  await runtime?.close();
  hanging?.closeAllConnections();
  await new Promise((r) => (hanging ? hanging.close(r) : r(undefined)));
  world.cleanup();
  runtime = undefined;
  hanging = undefined;
  child = undefined;
});

const lockFile = () => `${world.dbPath}.lock`;
const quickFlow = (id: string) => chainFlow(id, [{ id: 'in', type: 'inline', config: { messages: [{ n: 1 }] } }, { id: 'out', type: 'log' }]);

/** A `seam run` in its own process that stays busy: its one message waits on a receiver that never answers. */
async function busySeamRun(): Promise<ChildProcess> {
  hanging = createServer(() => undefined);
  await new Promise<void>((r) => hanging!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/never`;
  const flowFile = join(world.flowsDir, 'stuck.json');
  writeFileSync(flowFile, JSON.stringify(chainFlow('stuck', [
    { id: 'in', type: 'inline', config: { messages: [{ n: 1 }] } },
    { id: 'out', type: 'http', config: { url, timeoutMs: 600_000 } },
  ])));
  const started = spawn(process.execPath, [SEAM, 'run', flowFile, '--db', world.dbPath, '--data', world.dataDir], {
    env: { ...process.env, SEAM_LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const arrived = new Promise<void>((r) => hanging!.once('request', () => r()));
  await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('the busy seam run never sent its request')), 20_000))]);
  return started;
}

describe('one process runs flows on a database at a time', () => {
  it('refuses to run a flow while another process runs one on the same database, naming it; takes over once it is killed', async () => {
    child = await busySeamRun();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: child.pid, command: expect.stringContaining('run') });

    runtime = testRuntime(world);
    const refused = await runtime.runOnce({ document: quickFlow('other'), file: join(world.flowsDir, 'other.json') }).then(() => undefined, (e: unknown) => e as Error & { details?: { conflict?: boolean } });
    expect(refused?.message).toContain(`in use by another Seam process (pid ${child.pid}`);
    expect(refused?.details?.conflict).toBe(true);
    // Reading and replaying dead letters needs no lock: `seam dlq` works beside a running server.
    expect(runtime.deadLetters.list({}).items).toEqual([]);

    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const summary = await runtime.runOnce({ document: quickFlow('other'), file: join(world.flowsDir, 'other.json') });
    expect(summary).toMatchObject({ received: 1, delivered: 1 });
  });

  it('holds the lock only while a flow runs: after a run once, and after the last deployed flow stops, it is gone', async () => {
    runtime = testRuntime(world);
    await runtime.runOnce({ document: quickFlow('once'), file: join(world.flowsDir, 'once.json') });
    expect(existsSync(lockFile())).toBe(false);

    const webhookFlow = chainFlow('hooked', [{ id: 'in', type: 'webhook' }, { id: 'out', type: 'log' }]);
    await runtime.close();
    runtime = testRuntime(world, { webhooks: { register: () => () => undefined } });
    await runtime.deploy({ document: webhookFlow, file: join(world.flowsDir, 'hooked.json') });
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    await runtime.stop('hooked');
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    mkdirSync(world.dataDir, { recursive: true });
    writeFileSync(lockFile(), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'seam serve', since: '2026-01-01T00:00:00Z' }));
    runtime = testRuntime(world);
    expect(await runtime.runOnce({ document: quickFlow('after-crash'), file: join(world.flowsDir, 'after-crash.json') })).toMatchObject({ delivered: 1 });
    expect(existsSync(lockFile())).toBe(false);
  });
});
