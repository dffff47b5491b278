import { DeliveryError, httpSink } from '@seam/flow';
import { createHttpClient } from './http-client.js';
import { stepRunner } from './node-runner.js';

const EXCERPT_CHARS = 500;
/** Enough bytes for EXCERPT_CHARS characters of UTF-8 (at most 4 bytes each). */
const EXCERPT_BYTES = EXCERPT_CHARS * 4;
/** Sockets per sink and origin: above the default concurrency, so a flow's messages never queue for one. */
const MAX_SOCKETS = 64;
/** 307/308 keep the method and body, so following them loses nothing; a loop of them is cut short. */
const MAX_REDIRECTS = 5;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

/** The URL as error messages show it: user name and password left out. */
function shownUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * Sends the message as JSON over a keep-alive connection (see http-client.ts). URL and headers are resolved once
 * per flow (secret references included); every request carries the message id as Idempotency-Key. 2xx is delivered; a
 * same-origin 307/308 is followed; anything else is a DeliveryError the retry policy classifies (408/429/5xx and
 * network errors retryable; other 3xx and 4xx not). Secrets never reach the error text.
 */
export const httpSinkRunner = stepRunner(httpSink, (config, env) => {
  let headers: Record<string, string> | undefined;
  const resolvedHeaders = () =>
    (headers ??= Object.fromEntries(Object.entries(config.headers).map(([k, v]) => [k, env.secrets.resolve(v)])));
  // The URL may hold secret references too (user:{{secret.X}}@host, ?api_key={{secret.X}}): resolved once, like the headers.
  let destination: { readonly target: URL; readonly shown: string } | undefined;
  const resolvedDestination = () => {
    if (destination) return destination;
    const target = new URL(env.secrets.resolve(config.url));
    return (destination = { target, shown: env.secrets.redact(shownUrl(target)) });
  };
  const client = createHttpClient({ maxSockets: MAX_SOCKETS, excerptBytes: EXCERPT_BYTES });
  return {
    run: async (input, ctx) => {
      // Outside the try: a missing secret is a config error of the flow, not a network failure to retry.
      const { target, shown } = resolvedDestination();
      const requestHeaders = { 'content-type': 'application/json', ...resolvedHeaders(), 'idempotency-key': ctx.messageId };
      const body = JSON.stringify(input);
      // One deadline for the whole delivery, redirects and resent requests included.
      const deadline = Date.now() + config.timeoutMs;
      let url = target;
      for (let hops = 0; ; hops++) {
        let answer;
        try {
          answer = await client.send(url, config.method, requestHeaders, body, ctx.signal, deadline);
        } catch (thrown) {
          // Our own timeout, or the retry policy's per-attempt one (the reason of ctx.signal).
          if (isTimeout(thrown) || isTimeout(ctx.signal.reason)) {
            throw new DeliveryError(`${config.method} ${shown} timed out`, { retryable: true, timeout: true });
          }
          if (ctx.signal.aborted) throw ctx.signal.reason;
          const cause = thrown instanceof Error ? thrown.message : String(thrown);
          throw new DeliveryError(env.secrets.redact(`${config.method} ${shown} failed: ${cause}`), { retryable: true });
        }
        if (answer.status >= 200 && answer.status < 300) return undefined;
        const next = redirectTarget(url, answer.status, answer.headers.location);
        if (next && hops < MAX_REDIRECTS) {
          url = next;
          continue;
        }
        const after = retryAfterMs(header(answer.headers['retry-after']));
        throw new DeliveryError(`${config.method} ${shown} answered ${answer.status} ${answer.statusText}`.trim(), {
          status: answer.status,
          retryable: RETRYABLE_STATUS(answer.status),
          ...(after !== undefined ? { retryAfterMs: after } : {}),
          responseExcerpt: env.secrets.redact(answer.excerpt.slice(0, EXCERPT_CHARS)),
        });
      }
    },
    close: () => client.close(),
  };
});

/**
 * Where a 307/308 points, when it is on the same origin: those keep the method and body. Other redirects are not
 * followed — a 301/302/303 would turn the POST into a body-less GET that "succeeds" while the message is lost —
 * nor redirects to another origin, which would carry the sink's credentials there.
 */
function redirectTarget(from: URL, status: number, location: string | undefined): URL | undefined {
  if ((status !== 307 && status !== 308) || location === undefined) return undefined;
  try {
    const to = new URL(location, from);
    return to.origin === from.origin ? to : undefined;
  } catch {
    return undefined;
  }
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function isTimeout(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError';
}
