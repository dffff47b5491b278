import express, { type Express, type RequestHandler } from 'express';
import type { Runtime } from '@seam/runtime';
import { requireToken } from './auth-token.js';
import { catalogRouter } from './catalog-router.js';
import { contractsRouter } from './contracts-router.js';
import { deadLettersRouter } from './dead-letters-router.js';
import type { DeployedVersions } from './deployed-versions.js';
import { errorMiddleware } from './error-middleware.js';
import { flowControlRouter } from './flow-control-router.js';
import type { FlowRepository } from './flow-repository.js';
import { flowsRouter } from './flows-router.js';
import { HttpError, notFound } from './http-error.js';
import type { LoginCodes } from './login-codes.js';
import { loginRouter } from './login-router.js';
import type { MetricsExporter } from './metrics-exporter.js';
import { runsRouter } from './runs-router.js';
import type { ServerLogger } from './server-logger.js';
import type { SseHub } from './sse-hub.js';
import type { HttpWebhookIngress } from './webhook-ingress.js';
import { webAppRouter } from './web-app-router.js';

/** Everything the HTTP layer talks to; built by startServer. */
export interface AppParts {
  readonly repo: FlowRepository;
  readonly runtime: Runtime;
  readonly token: string;
  readonly codes: LoginCodes;
  readonly hub: SseHub;
  readonly metrics: MetricsExporter;
  readonly ingress: HttpWebhookIngress;
  readonly versions: DeployedVersions;
  readonly logger: ServerLogger;
  readonly webDist?: string;
  readonly version: string;
  readonly jsonLimit?: string;
}

/** The Express app: health and webhooks open, login open, everything else under /api and /metrics behind the token. */
export function createApp(parts: AppParts): Express {
  const { repo, runtime, token, logger } = parts;
  const startedAt = Date.now();
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true, version: parts.version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  // Webhooks read their own body, with the node's own size limit and content types.
  app.post('/hooks/:flowId/:nodeId', parts.ingress.handler);

  app.use('/api', requireJsonBody, express.json({ limit: parts.jsonLimit ?? '10mb' }));
  app.use(loginRouter(token, parts.codes));
  app.use('/api', requireToken(token, ['/events']));
  app.get('/metrics', requireToken(token), parts.metrics.handler);
  app.get('/api/events', parts.hub.handler);
  app.use(catalogRouter());
  app.use(flowsRouter(repo, runtime, parts.versions));
  app.use(flowControlRouter(repo, runtime, parts.versions));
  app.use(contractsRouter(repo, runtime));
  app.use(runsRouter(runtime));
  app.use(deadLettersRouter(runtime, repo));
  app.use(['/api', '/hooks'], (req, _res, next) => next(notFound(`no such endpoint: ${req.method} ${req.originalUrl.split('?')[0]}`)));

  app.use(webAppRouter(parts.webDist, token, parts.codes));
  app.use(errorMiddleware(logger));
  return app;
}

/** A body that is not JSON would otherwise reach the routes as "no body" and get a misleading answer. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', '+json'])) {
    next(new HttpError(415, 'unsupported-media-type', `send the body as JSON with "Content-Type: application/json" (got "${req.get('content-type') ?? 'none'}")`));
    return;
  }
  next();
};

/** One line per request at debug (warn for 5xx). The path only: a query may hold the SSE token. */
function requestLog(logger: ServerLogger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (res.statusCode >= 500) logger.warn(entry, 'request');
      else logger.debug(entry, 'request');
    });
    next();
  };
}
