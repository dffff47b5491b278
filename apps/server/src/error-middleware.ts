import type { ErrorRequestHandler } from 'express';
import { BugError, DeliveryError, FlowError } from '@seam/flow';
import { z } from 'zod';
import { apiProblem, HttpError, type ApiProblem } from './http-error.js';
import type { ServerLogger } from './server-logger.js';

interface ErrorBody {
  readonly status: number;
  readonly kind: string;
  readonly message: string;
  readonly problems?: readonly ApiProblem[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The one place errors become HTTP answers, all of the shape `{ error: { kind, message, problems? } }`:
 * request mistakes 4xx, a wrong flow 400 (kind "flow"), the other side failing 502, anything else 500 (logged).
 */
export function errorMiddleware(logger: ServerLogger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const body = describe(err);
    if (body.status >= 500) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(body.status).json({
      error: { kind: body.kind, message: body.message, ...(body.problems ? { problems: body.problems } : {}) },
      ...body.extra,
    });
  };
}

function describe(err: unknown): ErrorBody {
  if (err instanceof HttpError) {
    return { status: err.status, kind: err.kind, message: err.message, ...(err.extra.problems ? { problems: err.extra.problems } : {}), ...(err.extra.body ? { extra: err.extra.body } : {}) };
  }
  if (err instanceof z.ZodError) {
    const problems = err.issues.flatMap((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // An unknown key is reported at its own path, so that the client can point at it.
      return issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => apiProblem([...path, key], issue.code, `unknown field "${key}": remove it or check its spelling`))
        : [apiProblem(path, issue.code, issue.message)];
    });
    return { status: 400, kind: 'request', message: `the request has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`, problems };
  }
  if (err instanceof FlowError) {
    if (err.details.conflict) return { status: 409, kind: 'conflict', message: err.message };
    const problems = err.details.path ? [apiProblem(err.details.path, err.details.errorClass ?? 'flow', err.message)] : undefined;
    return { status: 400, kind: 'flow', message: err.message, ...(problems ? { problems } : {}) };
  }
  if (err instanceof DeliveryError) {
    return { status: 502, kind: 'delivery', message: err.message };
  }
  const bodyParserError = asBodyParserError(err);
  if (bodyParserError) return bodyParserError;
  const message = err instanceof BugError ? err.message : 'unexpected server error; the server log has the details';
  return { status: 500, kind: 'bug', message };
}

/**
 * express.json's errors carry `type` and `status`, Express's own (a param that is not valid percent-encoding) a 4xx
 * `status`: the client's fault, not a bug.
 */
function asBodyParserError(err: unknown): ErrorBody | undefined {
  if (!(err instanceof Error)) return undefined;
  const { type, status } = err as Error & { type?: unknown; status?: unknown };
  if (typeof status !== 'number') return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, kind: 'request', message: `the body is not valid JSON: ${err.message}`, problems: [apiProblem([], 'not-json', err.message)] };
    case 'entity.too.large':
      return { status: 413, kind: 'too-large', message: 'the body is larger than the server accepts' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, kind: 'unsupported-media-type', message: err.message };
    default:
      return status >= 400 && status < 500 ? { status, kind: 'request', message: err.message } : undefined;
  }
}
