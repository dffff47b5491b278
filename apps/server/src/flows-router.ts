import { Router } from 'express';
import { loadFlowValue, type FlowDocument } from '@seam/flow';
import type { Runtime } from '@seam/runtime';
import { z } from 'zod';
import type { DeployedVersions } from './deployed-versions.js';
import { parseFlowId } from './flow-id.js';
import { toApiProblems } from './flow-problems.js';
import type { FlowRepository } from './flow-repository.js';
import { flowSummary, sendFlow } from './flow-responses.js';
import { apiProblem, badRequest, conflict, HttpError } from './http-error.js';
import { bodyOf, ifMatchOf, parseRequest } from './request-body.js';

const renameBody = z.strictObject({
  newId: z.string(),
  name: z.string().min(1).max(120).optional(),
});

/** Flows are files: list, get, create, update (If-Match), rename, delete and validate over the flows folder. */
export function flowsRouter(repo: FlowRepository, runtime: Runtime, versions: DeployedVersions): Router {
  const router = Router();

  router.get('/api/flows', (_req, res) => {
    const deployed = new Set(runtime.deployedFlowIds());
    res.json(repo.list().map((flow) => flowSummary(flow, runtime, deployed, versions)));
  });

  router.post('/api/flows/validate', (req, res) => {
    const loaded = loadFlowValue(bodyOf(req));
    res.json({ valid: loaded.document !== undefined && loaded.problems.length === 0, problems: toApiProblems(loaded.problems) });
  });

  router.get('/api/flows/:id', (req, res) => {
    sendFlow(res, repo.get(parseFlowId(req.params.id)));
  });

  router.post('/api/flows', (req, res) => {
    const doc = readableDocument(bodyOf(req));
    sendFlow(res, repo.create(doc), 201);
  });

  router.put('/api/flows/:id', (req, res) => {
    const id = parseFlowId(req.params.id);
    const doc = readableDocument(bodyOf(req));
    if (doc.id !== id) {
      throw badRequest(`the document's id "${doc.id}" differs from the flow "${id}" in the address: use POST /api/flows/${id}/rename to change an id`,
        [apiProblem(['id'], 'id-mismatch', `must be "${id}"`)]);
    }
    sendFlow(res, repo.update(id, doc, ifMatchOf(req)));
  });

  router.post('/api/flows/:id/rename', (req, res) => {
    const id = parseFlowId(req.params.id);
    const body = parseRequest(renameBody, bodyOf(req) ?? {});
    const newId = parseFlowId(body.newId, 'new flow id');
    refuseWhileDeployed(runtime, id, 'renamed');
    sendFlow(res, repo.rename(id, newId, body.name, ifMatchOf(req)));
  });

  router.delete('/api/flows/:id', (req, res) => {
    const id = parseFlowId(req.params.id);
    refuseWhileDeployed(runtime, id, 'deleted');
    repo.remove(id, ifMatchOf(req));
    res.status(204).end();
  });

  return router;
}

/** A body that parses as a flow document (graph problems allowed: a flow being designed may be incomplete). */
export function readableDocument(body: unknown): FlowDocument {
  const loaded = loadFlowValue(body);
  if (!loaded.document) {
    const problems = toApiProblems(loaded.problems);
    throw new HttpError(400, 'flow', `the body is not a flow document: ${problems.map((p) => `${p.at}: ${p.message}`).slice(0, 5).join('; ')}`, { problems });
  }
  return loaded.document;
}

function refuseWhileDeployed(runtime: Runtime, id: string, what: string): void {
  if (runtime.deployedFlowIds().includes(id)) throw conflict(`flow "${id}" is deployed: stop it before it can be ${what}`);
}
