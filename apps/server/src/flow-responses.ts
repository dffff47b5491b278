import { basename } from 'node:path';
import type { Response } from 'express';
import type { Runtime, RunRecord } from '@seam/runtime';
import type { DeployedVersions } from './deployed-versions.js';
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
  /** The file version the running flow was deployed from; null when not deployed. */
  readonly deployedEtag: string | null;
  /** Deployed, and the file has changed since: a redeploy applies the change. */
  readonly changedSinceDeploy: boolean;
  readonly state: string;
  readonly lastRun: RunRecord | null;
  readonly dlqDepth: number;
  readonly etag: string;
}

export function flowSummary(flow: StoredFlow, runtime: Runtime, deployed: ReadonlySet<string>, versions: DeployedVersions): FlowSummary {
  const isDeployed = deployed.has(flow.id);
  const deployedEtag = isDeployed ? versions.get(flow.id) ?? null : null;
  return {
    id: flow.id,
    name: flow.document?.name ?? flow.id,
    description: flow.document?.description ?? '',
    file: basename(flow.file),
    valid: flow.document !== undefined && flow.problems.length === 0,
    problems: flow.problems.length,
    deployed: isDeployed,
    deployedEtag,
    changedSinceDeploy: deployedEtag !== null && deployedEtag !== flow.etag,
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
