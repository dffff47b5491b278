import { Router, type Request } from 'express';
import { failureClasses } from '@seam/flow';
import type { DeadLetterFilter, Runtime } from '@seam/runtime';
import { z } from 'zod';
import type { FlowRepository } from './flow-repository.js';
import { notFound } from './http-error.js';
import { defined, opaqueId, optionalFlowId, pageOf, pageQuery } from './query-schemas.js';
import { bodyOf, parseRequest } from './request-body.js';

const errorClass = z.enum(failureClasses);
const isoTime = z.iso.datetime({ offset: true });
const filterFields = {
  flowId: optionalFlowId,
  nodeId: z.string().min(1).max(64).optional(),
  errorClass: errorClass.optional(),
  status: z.enum(['pending', 'replayed', 'discarded']).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
};
const listQuery = z.strictObject({ ...filterFields, ...pageQuery });
const editBody = z.strictObject({ payload: z.json() });
const discardBody = z.strictObject({ note: z.string().max(2000).optional() });
const bulkReplayBody = z.union([
  z.strictObject({ ids: z.array(opaqueId).min(1).max(10_000) }),
  z.strictObject({ filter: z.strictObject(filterFields) }),
]);

/** The dead-letter queue: list, get, edit, replay (one or in bulk), discard — each answer says what happened. */
export function deadLettersRouter(runtime: Runtime, repo: FlowRepository): Router {
  const router = Router();
  const store = runtime.deadLetters;
  const existing = (raw: unknown) => {
    const id = parseRequest(opaqueId, raw);
    if (!store.get(id)) throw notFound(`no dead letter "${id}"`);
    return id;
  };

  router.get('/api/dead-letters', (req, res) => {
    const { limit, cursor, ...filter } = parseRequest(listQuery, req.query);
    res.json(store.list(defined(filter) as DeadLetterFilter, pageOf({ limit, cursor })));
  });

  router.post('/api/dead-letters/replay', async (req, res) => {
    const body = parseRequest(bulkReplayBody, bodyOf(req) ?? {});
    const selector = 'ids' in body ? { ids: body.ids } : { filter: defined(body.filter) as DeadLetterFilter };
    res.json({ outcomes: await runtime.replay(selector, repo.resolve, actorOf(req)) });
  });

  router.get('/api/dead-letters/:id', (req, res) => {
    res.json(store.get(existing(req.params.id)));
  });

  router.put('/api/dead-letters/:id/payload', (req, res) => {
    const id = existing(req.params.id);
    const body = parseRequest(editBody, bodyOf(req) ?? {});
    res.json(store.editPayload(id, body.payload, actorOf(req)));
  });

  router.post('/api/dead-letters/:id/replay', async (req, res) => {
    const id = existing(req.params.id);
    const [outcome] = await runtime.replay({ ids: [id] }, repo.resolve, actorOf(req));
    res.json(outcome ?? { id, result: 'skipped', message: 'the runtime replayed nothing' });
  });

  router.post('/api/dead-letters/:id/discard', (req, res) => {
    const id = existing(req.params.id);
    const body = parseRequest(discardBody, bodyOf(req) ?? {});
    res.json(store.discard(id, actorOf(req), body.note));
  });

  return router;
}

/** Who the audit trail names: the optional `X-Seam-Actor` header (a name the UI may ask for), else "api". */
function actorOf(req: Request): string {
  const actor = req.get('x-seam-actor')?.trim();
  return actor && /^[\w .@-]{1,64}$/.test(actor) ? actor : 'api';
}
