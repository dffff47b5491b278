import { Router } from 'express';
import { catalogJson } from './catalog-json.js';

/** GET /api/catalog: computed once, the catalog is fixed for the life of the process. */
export function catalogRouter(): Router {
  const router = Router();
  const body = catalogJson();
  router.get('/api/catalog', (_req, res) => {
    res.json(body);
  });
  return router;
}
