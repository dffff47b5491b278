import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainFlow, tempWorld } from './helpers/flows.js';

const SEAM = resolve(import.meta.dirname, '../../../apps/cli/bin/seam.js');
let world: ReturnType<typeof tempWorld>;

const seam = (...args: string[]) => {
  const r = spawnSync(process.execPath, [SEAM, ...args, '--db', world.dbPath], { cwd: world.dir, encoding: 'utf8', env: { ...process.env, SEAM_LOG_LEVEL: 'error' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  world = tempWorld();
  const document = chainFlow('cli-flow', [
    { id: 'tick', type: 'schedule', config: { everyMs: 100, count: 3, payload: { kind: 'tick' } } },
    { id: 'check', type: 'json-schema', config: { schema: { type: 'object', required: ['missing'] } } },
    { id: 'out', type: 'log' },
  ]);
  writeFileSync(join(world.flowsDir, 'cli-flow.json'), JSON.stringify(document));
});
afterAll(() => world.cleanup());

describe('seam run and seam dlq', () => {
  it('runs a finite flow, lists, shows, discards and replays its dead letters', () => {
    const run = seam('run', 'flows/cli-flow.json', '--data', join(world.dir, 'data'));
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out.trim()) as Record<string, unknown>;
    expect(summary).toMatchObject({ flow: 'cli-flow', received: 3, delivered: 0, deadLettered: 3 });
    expect(Object.keys(summary)).toEqual(['flow', 'received', 'delivered', 'deadLettered', 'durationMs']);

    const table = seam('dlq', 'list');
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^ID\s+FLOW\s+NODE\s+REASON\s+ATTEMPTS\s+STATUS/);
    expect(table.out).toContain('validation');

    const list = JSON.parse(seam('dlq', 'list', '--json', '--reason', 'validation').out) as { items: { id: string; originalInput: { firedAt: string } }[]; total: number };
    expect(list.total).toBe(3);
    const [first, second] = list.items;
    expect(first!.originalInput.firedAt).toMatch(/^\d{4}-/);

    const show = seam('dlq', 'show', first!.id);
    expect(show.out).toContain(`id:            ${first!.id}`);
    expect(show.out).toContain('dead-lettered  by runtime');

    expect(seam('dlq', 'discard', second!.id, '--note', 'noise').code).toBe(0);
    expect(JSON.parse(seam('dlq', 'list', '--json', '--status', 'pending').out).total).toBe(2);

    // The flow is still broken, so a replay fails again: exit 1, the entry stays pending.
    const replay = seam('dlq', 'replay', first!.id, '--flows', join(world.dir, 'flows'));
    expect(replay.code).toBe(1);
    expect(replay.out).toContain('dead-lettered-again');

    expect(seam('dlq', 'list', '--reason', 'nonsense').code).toBe(2);
    expect(seam('dlq', 'show', 'no-such-id').code).toBe(1);
  }, 30_000);

  it('reports an invalid flow file with its JSON path and exits 1', () => {
    writeFileSync(join(world.flowsDir, 'broken.json'), JSON.stringify({ formatVersion: 2, id: 'broken', name: 'b', nodes: [{ id: 'x', type: 'nope' }] }));
    const run = seam('run', 'flows/broken.json');
    expect(run.code).toBe(1);
    expect(run.err).toContain('$.nodes[0].type');
  });
});
