import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowDocumentSchema, type FlowDocument } from '@seam/flow';
import { createRuntime, type Runtime, type RuntimeLogger, type RuntimeOptions } from '../../src/index.js';

export interface NodeSpec {
  readonly id: string;
  readonly type: string;
  readonly config?: Record<string, unknown>;
}

/** A flow whose nodes run one after another, in the order given. */
export function chainFlow(id: string, nodes: readonly NodeSpec[]): FlowDocument {
  return flowDocumentSchema.parse({
    formatVersion: 2,
    id,
    name: id,
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, config: n.config ?? {} })),
    edges: nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id })),
  });
}

export const silentLogger: RuntimeLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A temp folder with a flows/ folder, a data dir and a database path; `cleanup` removes it. */
export function tempWorld(): { dir: string; flowsDir: string; dataDir: string; dbPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'seam-runtime-'));
  const flowsDir = join(dir, 'flows');
  mkdirSync(flowsDir);
  return { dir, flowsDir, dataDir: join(dir, 'data'), dbPath: join(dir, 'data', 'seam.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A runtime on a temp world, quiet, with fast housekeeping. */
export function testRuntime(world: { dataDir: string; dbPath: string }, options: Partial<RuntimeOptions> = {}): Runtime {
  return createRuntime({ dbPath: world.dbPath, dataDir: world.dataDir, logger: silentLogger, housekeepingIntervalMs: 200, ...options });
}
