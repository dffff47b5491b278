import type { Request, RequestHandler } from 'express';
import { FlowError } from '@seam/flow';
import type { WebhookIngress, WebhookOptions } from '@seam/runtime';
import { parseFlowId } from './flow-id.js';
import { apiProblem, HttpError, notFound } from './http-error.js';

type Accept = (body: unknown) => Promise<{ messageId: string }>;
interface Registration {
  readonly options: WebhookOptions;
  readonly accept: Accept;
}

/** Called once per answered webhook request (for metrics). */
export type WebhookObserver = (flowId: string, nodeId: string, status: number) => void;

/**
 * The server's side of the runtime's WebhookIngress: a running webhook source registers here, and
 * POST /hooks/:flowId/:nodeId feeds it. The answer is 202 only once the runtime has stored the message.
 */
export class HttpWebhookIngress implements WebhookIngress {
  private readonly routes = new Map<string, Registration>();
  private closing = false;

  constructor(private readonly observe: WebhookObserver = () => {}) {}

  register(flowId: string, nodeId: string, options: WebhookOptions, accept: Accept): () => void {
    const key = `${flowId}/${nodeId}`;
    const registration = { options, accept };
    this.routes.set(key, registration);
    return () => {
      if (this.routes.get(key) === registration) this.routes.delete(key);
    };
  }

  /** From now on every webhook answers 503 (with Retry-After): the server is shutting down. */
  stopIntake(): void {
    this.closing = true;
  }

  readonly handler: RequestHandler = async (req, res) => {
    const flowId = parseFlowId(req.params.flowId);
    const nodeId = parseFlowId(req.params.nodeId, 'node id');
    res.on('finish', () => this.observe(flowId, nodeId, res.statusCode));
    if (this.closing) {
      res.set('Retry-After', '5');
      throw new HttpError(503, 'unavailable', 'the server is shutting down: retry in a few seconds');
    }
    const registration = this.routes.get(`${flowId}/${nodeId}`);
    if (!registration) {
      throw notFound(`no running webhook source "${nodeId}" in flow "${flowId}": the flow is unknown, not deployed, or has no such node`);
    }
    const { options, accept } = registration;
    const mediaType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!options.contentTypes.some((t) => t.toLowerCase() === mediaType || t === '*/*')) {
      throw new HttpError(415, 'unsupported-media-type', `content type "${mediaType || '(none)'}" is not accepted here; send one of: ${options.contentTypes.join(', ')}`);
    }
    let raw: string;
    try {
      raw = await readBody(req, options.maxBodyBytes);
    } catch (err) {
      // The rest of an oversized body is not worth reading: the connection closes after the 413.
      res.set('Connection', 'close');
      throw err;
    }
    const body = isJson(mediaType) ? parseJson(raw) : raw;
    let messageId: string;
    try {
      ({ messageId } = await accept(body));
    } catch (err) {
      // The flow was stopped between the lookup and the intake: as if it had been stopped a moment earlier.
      if (err instanceof FlowError) throw notFound(`flow "${flowId}" is not running: ${err.message}`);
      throw err;
    }
    res.status(202).json({ messageId });
  };
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new HttpError(400, 'request', `the body is not valid JSON: ${message}`, { problems: [apiProblem([], 'not-json', message)] });
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too-large', `the body is larger than this webhook's limit of ${limit} bytes`);
}

/** Reads the body up to `limit` bytes; beyond it answers 413 without buffering the rest (Node discards it). */
function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
