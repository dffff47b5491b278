import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../lib/paths.js';
import { runWorker } from '../lib/worker.js';
import type { Contender } from '../lib/rounds.js';
import type { CrmFlowParts } from '../crm/crm-flow.js';
import type { HandLoopInput } from './hand-loop.js';

/** What one pipeline run reports, whoever ran it. */
export interface PipelineRun {
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly rssSamples?: readonly number[];
  /** Seam only: rows found in the sink table and pending dead letters after the run, counted independently. */
  readonly sinkRows?: number;
  readonly deadLetterRows?: number;
}

export const sinkBatchSize = 500;

/** Messages per second over the whole run, from the first line read to the last row committed. */
export const messagesPerSecond = (r: PipelineRun): number => (r.received / r.ms) * 1000;

/** A fresh folder per run (database, sink file), removed afterwards: a 1M-message run leaves a large database. */
async function inRunFolder<T>(name: string, body: (folder: string) => Promise<T>): Promise<T> {
  const folder = path.join(dataDir, 'runs', `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  try {
    return await body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Generous: a run that takes longer than this is stuck, not slow. */
const timeoutFor = (messages: number): number => 120_000 + messages * 2;

export function seamContender(label: string, flowFile: string, messages: number, runtimeOptions: Record<string, unknown>, sampleRssEveryMs?: number): Contender<PipelineRun> {
  return {
    label,
    measure: (round) =>
      inRunFolder(`seam-${round}`, (folder) =>
        runWorker<PipelineRun>({
          script: 'workers/seam-pipeline.worker.ts',
          timeoutMs: timeoutFor(messages),
          input: { flowFile, dbPath: path.join(folder, 'seam.db'), dataDir: folder, runtimeOptions, sampleRssEveryMs },
        }),
      ),
  };
}

export function handContender(label: string, crm: CrmFlowParts, dataFile: string, messages: number, mapping: HandLoopInput['mapping'], missing?: string): Contender<PipelineRun> {
  if (missing) return { label, missing };
  return {
    label,
    measure: (round) =>
      inRunFolder(`hand-${mapping}-${round}`, (folder) =>
        runWorker<PipelineRun>({
          script: 'workers/hand-pipeline.worker.ts',
          timeoutMs: timeoutFor(messages),
          input: { file: dataFile, dbPath: path.join(folder, 'hand.db'), expression: crm.expression, schema: crm.schema, mapping, batchSize: sinkBatchSize },
        }),
      ),
  };
}

/** Counts that do not add up make a throughput figure meaningless: they go into the report's notes, loudly. */
export function countProblems(label: string, runs: readonly PipelineRun[], expected: { delivered: number; deadLettered: number }): string[] {
  return runs.flatMap((r, i) => {
    const problems: string[] = [];
    if (r.delivered !== expected.delivered || r.deadLettered !== expected.deadLettered) {
      problems.push(`${label}, run ${i + 1}: reported ${r.delivered} delivered and ${r.deadLettered} dead-lettered of ${r.received} received; expected ${expected.delivered} and ${expected.deadLettered}`);
    }
    if (r.sinkRows !== undefined && r.sinkRows !== expected.delivered) {
      problems.push(`${label}, run ${i + 1}: ${r.sinkRows} rows in the sink table, expected ${expected.delivered}`);
    }
    if (r.deadLetterRows !== undefined && r.deadLetterRows !== expected.deadLettered) {
      problems.push(`${label}, run ${i + 1}: ${r.deadLetterRows} pending dead letters, expected ${expected.deadLettered}`);
    }
    return problems;
  });
}
