import { formatPath, type JsonPath } from '@seam/flow';

/** Kinds of error body the API answers with (docs/api.md); FlowError/DeliveryError/BugError add flow, delivery, bug. */
export type HttpErrorKind = 'flow' | 'request' | 'auth' | 'not-found' | 'conflict' | 'too-large' | 'unsupported-media-type' | 'unavailable';

/** One thing wrong with a request body or a flow: its JSON path as segments and as `$.a[0].b` text. */
export interface ApiProblem {
  readonly path: JsonPath;
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

export function apiProblem(path: JsonPath, code: string, message: string): ApiProblem {
  return { path, at: formatPath(path), code, message };
}

/** A request the client got wrong (bad id, missing resource, stale ETag…): the error middleware answers it as is. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly kind: HttpErrorKind,
    message: string,
    readonly extra: { readonly problems?: readonly ApiProblem[]; readonly body?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message);
  }
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not-found', message);
}

export function conflict(message: string, body?: Record<string, unknown>): HttpError {
  return new HttpError(409, 'conflict', message, body ? { body } : {});
}

export function badRequest(message: string, problems?: readonly ApiProblem[]): HttpError {
  return new HttpError(400, 'request', message, problems ? { problems } : {});
}
