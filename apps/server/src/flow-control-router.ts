import { Router } from 'express';
import type { Runtime } from '@seam/runtime';
import { z } from 'zod';
import type { DeployedVersions } from './deployed-versions.js';
import { parseDuration } from './duration.js';
import { parseFlowId } from './flow-id.js';
import { toApiProblems } from './flow-problems.js';
import type { FlowRepository, StoredFlow } from './flow-repository.js';
import { readableDocument } from './flows-router.js';
import { HttpError } from './http-error.js';
import { bodyOf, parseRequest } from './request-body.js';

const MAX_INPUT_MESSAGES = 10_000;
const MAX_BUCKETS = 2_000;

const runBody = z.strictObject({ input: z.array(z.unknown()).max(MAX_INPUT_MESSAGES).optional() });
const testBody = z.strictObject({
  document: z.unknown().optional(),
  samples: z.record(z.string(), z.array(z.unknown()).max(MAX_INPUT_MESSAGES)).optional(),
});
const duration = (fallback: string) => z.string().default(fallback).transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'must be a duration such as 30s, 5m, 1h or 7d' });
  return ms ?? 0;
});
const statsQuery = z.object({ window: duration('1h'), bucket: duration('1m') }).refine((q) => q.window / q.bucket <= MAX_BUCKETS, {
  message: `window / bucket gives more than ${MAX_BUCKETS} buckets: choose a larger bucket`, path: ['bucket'],
});

/** Deploy, stop, run once, test run, status, stats and drift of one flow: the runtime's control surface over HTTP. */
export function flowControlRouter(repo: FlowRepository, runtime: Runtime, versions: DeployedVersions): Router {
  const router = Router();

  router.post('/api/flows/:id/deploy', async (req, res) => {
    const flow = runnable(repo.get(parseFlowId(req.params.id)), 'deployed');
    await runtime.deploy({ document: flow.document, file: flow.file });
    versions.record(flow.id, flow.etag);
    res.json({ status: runtime.flowStatus(flow.id), etag: flow.etag });
  });

  router.post('/api/flows/:id/stop', async (req, res) => {
    const id = parseFlowId(req.params.id);
    await runtime.stop(id);
    versions.forget(id);
    res.json({ status: runtime.flowStatus(id) });
  });

  router.post('/api/flows/:id/run', async (req, res) => {
    const body = parseRequest(runBody, bodyOf(req) ?? {});
    const flow = runnable(repo.get(parseFlowId(req.params.id)), 'run');
    res.json(await runtime.runOnce({ document: flow.document, file: flow.file }, body.input ? { input: body.input } : undefined));
  });

  router.post('/api/flows/:id/test', async (req, res) => {
    const id = parseFlowId(req.params.id);
    const body = parseRequest(testBody, bodyOf(req) ?? {});
    // An unsaved document is allowed: the designer tests what is on the canvas. Its file path is where it would be saved.
    const document = body.document !== undefined ? readableDocument(body.document) : runnable(repo.get(id), 'tested').document;
    res.json(await runtime.testRun({ document, file: repo.fileOf(id) }, body.samples));
  });

  router.get('/api/flows/:id/status', (req, res) => {
    res.json(runtime.flowStatus(parseFlowId(req.params.id)));
  });

  router.get('/api/flows/:id/stats', (req, res) => {
    const id = parseFlowId(req.params.id);
    const query = parseRequest(statsQuery, req.query);
    res.json({ windowMs: query.window, bucketMs: query.bucket, buckets: runtime.metrics.series(id, { windowMs: query.window, bucketMs: query.bucket }) });
  });

  router.get('/api/flows/:id/drift', (req, res) => {
    res.json(runtime.metrics.driftEvents(parseFlowId(req.params.id)));
  });

  return router;
}

/** Only a flow without problems runs: the user sees every problem first, with its path. */
function runnable(flow: StoredFlow, what: string): StoredFlow & { readonly document: NonNullable<StoredFlow['document']> } {
  const { document } = flow;
  if (!document || flow.problems.length > 0) {
    const problems = toApiProblems(flow.problems);
    throw new HttpError(400, 'flow', `flow "${flow.id}" has ${problems.length} problem${problems.length === 1 ? '' : 's'} and cannot be ${what}: ${problems.slice(0, 3).map((p) => `${p.at}: ${p.message}`).join('; ')}`, { problems });
  }
  return { ...flow, document };
}
