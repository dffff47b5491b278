import { DeliveryError, httpSink } from '@seam/flow';
import { abortAfter } from '../abort-after.js';
import { stepRunner } from './node-runner.js';

const EXCERPT_CHARS = 500;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * Sends the message as JSON. Headers are resolved once per flow (secret references included); every request
 * carries the message id as Idempotency-Key. 2xx is delivered; anything else is a DeliveryError the retry
 * policy classifies (408/429/5xx and network errors retryable). Secrets never reach the error text.
 */
export const httpSinkRunner = stepRunner(httpSink, (config, env) => {
  let headers: Record<string, string> | undefined;
  const resolvedHeaders = () =>
    (headers ??= Object.fromEntries(Object.entries(config.headers).map(([k, v]) => [k, env.secrets.resolve(v)])));
  return {
    run: async (input, ctx) => {
      // Outside the try: a missing secret is a config error of the flow, not a network failure to retry.
      const requestHeaders = { 'content-type': 'application/json', ...resolvedHeaders(), 'idempotency-key': ctx.messageId };
      const { signal, dispose } = abortAfter(ctx.signal, config.timeoutMs);
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: config.method,
          headers: requestHeaders,
          body: JSON.stringify(input),
          signal,
        });
      } catch (thrown) {
        dispose();
        if (isTimeout(signal.reason)) {
          throw new DeliveryError(`${config.method} ${config.url} timed out`, { retryable: true, timeout: true });
        }
        if (ctx.signal.aborted) throw ctx.signal.reason;
        const cause = thrown instanceof Error ? ((thrown.cause as Error | undefined)?.message ?? thrown.message) : String(thrown);
        throw new DeliveryError(`${config.method} ${config.url} failed: ${cause}`, { retryable: true });
      }
      let text = '';
      try {
        text = await response.text();
      } catch {
        // The status decides; a body cut short by the peer changes nothing about it.
      } finally {
        dispose();
      }
      if (response.ok) return undefined;
      const after = retryAfterMs(response.headers.get('retry-after'));
      throw new DeliveryError(`${config.method} ${config.url} answered ${response.status} ${response.statusText}`.trim(), {
        status: response.status,
        retryable: RETRYABLE_STATUS(response.status),
        ...(after !== undefined ? { retryAfterMs: after } : {}),
        responseExcerpt: env.secrets.redact(text.slice(0, EXCERPT_CHARS)),
      });
    },
  };
});

function isTimeout(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError';
}
