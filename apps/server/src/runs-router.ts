import { Router } from 'express';
import type { Runtime } from '@seam/runtime';
import { z } from 'zod';
import { notFound } from './http-error.js';
import { defined, opaqueId, optionalFlowId, pageOf, pageQuery } from './query-schemas.js';
import { parseRequest } from './request-body.js';

const runsQuery = z.strictObject({
  flowId: optionalFlowId,
  status: z.enum(['running', 'completed', 'stopped', 'failed']).optional(),
  ...pageQuery,
});
const messagesQuery = z.strictObject({
  runId: opaqueId.optional(),
  flowId: optionalFlowId,
  status: z.enum(['in-flight', 'delivered', 'dead-lettered', 'filtered']).optional(),
  ...pageQuery,
});

/** Run history and per-message traces (each node's input, output and timing). */
export function runsRouter(runtime: Runtime): Router {
  const router = Router();

  router.get('/api/runs', (req, res) => {
    const { limit, cursor, ...filter } = parseRequest(runsQuery, req.query);
    res.json(runtime.runs.listRuns(defined(filter), pageOf({ limit, cursor })));
  });

  router.get('/api/runs/:runId', (req, res) => {
    const runId = parseRequest(opaqueId, req.params.runId);
    const run = runtime.runs.getRun(runId);
    if (!run) throw notFound(`no run "${runId}" (run history is bounded: old runs are pruned)`);
    res.json(run);
  });

  router.get('/api/messages', (req, res) => {
    const { limit, cursor, ...filter } = parseRequest(messagesQuery, req.query);
    res.json(runtime.runs.listMessages(defined(filter), pageOf({ limit, cursor })));
  });

  router.get('/api/messages/:messageId', (req, res) => {
    const messageId = parseRequest(opaqueId, req.params.messageId);
    const trace = runtime.runs.getMessage(messageId);
    if (!trace) throw notFound(`no message "${messageId}" in the run history (it is bounded: old messages are pruned)`);
    res.json(trace);
  });

  return router;
}
