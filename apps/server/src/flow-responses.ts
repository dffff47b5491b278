import { basename } from 'node:path';
import type { Response } from 'express';
import type { Runtime, RunRecord } from '@seam/runtime';
import type { StoredFlow } from './flow-repository.js';
import { toApiProblems } from './flow-problems.js';

/** What GET /api/flows lists per file: enough for the flow list without loading each document. */
export interface FlowSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly valid: boolean;
  readonly problems: number;
  readonly deployed: boolean;
  readonly state: string;
  readonly lastRun: RunRecord | null;
  readonly dlqDepth: number;
  readonly etag: string;
}

export function flowSummary(flow: StoredFlow, runtime: Runtime, deployed: ReadonlySet<string>): FlowSummary {
  return {
    id: flow.id,
    name: flow.document?.name ?? flow.id,
    description: flow.document?.description ?? '',
    file: basename(flow.file),
    valid: flow.document !== undefined && flow.problems.length === 0,
    problems: flow.problems.length,
    deployed: deployed.has(flow.id),
    state: runtime.flowStatus(flow.id).state,
    lastRun: runtime.runs.listRuns({ flowId: flow.id }, { limit: 1 }).items[0] ?? null,
    dlqDepth: runtime.deadLetters.depth(flow.id),
    etag: flow.etag,
  };
}

/** `{ document, etag, problems }` with the ETag header; `document` is null when the file is not a readable flow. */
export function sendFlow(res: Response, flow: StoredFlow, status = 200): void {
  res.status(status).set('ETag', `"${flow.etag}"`).json({
    document: flow.document ?? null,
    etag: flow.etag,
    problems: toApiProblems(flow.problems),
  });
}
