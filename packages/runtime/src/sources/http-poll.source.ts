import { DeliveryError, httpPollSource } from '@seam/flow';
import { abortAfter } from '../abort-after.js';
import { compileJsonata, type Evaluate } from '../jsonata-evaluator.js';
import { sourceRunner, type SourceContext } from '../nodes/node-runner.js';
import { sleep } from '../retry/retry-policy.js';

const LIMITS = { timeoutMs: 1_000, maxDepth: 500 };

interface PollCursor {
  readonly value: string;
}

/**
 * GETs the URL every interval: picks messages out of each page with `items`, follows `nextLink` up to maxPages,
 * and carries a cursor (`?since=…`) taken from the last page or the last item. The cursor is stored with the
 * message it came from, in the same transaction, so a restart neither skips nor refetches everything.
 * In a `seam run` (once) it polls one round, all pages, and ends.
 */
export const httpPollSourceRunner = sourceRunner(httpPollSource, (config, env) => {
  const items: Evaluate | undefined = config.items ? compileJsonata(config.items, LIMITS) : undefined;
  const nextLink: Evaluate | undefined = config.nextLink ? compileJsonata(config.nextLink, LIMITS) : undefined;
  const nextCursor: Evaluate | undefined = config.cursor ? compileJsonata(config.cursor.next, LIMITS) : undefined;
  let headers: Record<string, string> | undefined;

  async function fetchPage(url: string, signal: AbortSignal): Promise<unknown> {
    headers ??= Object.fromEntries(Object.entries(config.headers).map(([k, v]) => [k, env.secrets.resolve(v)]));
    const timed = abortAfter(signal, config.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: timed.signal });
      text = await response.text();
    } finally {
      timed.dispose();
    }
    if (!response.ok) {
      throw new DeliveryError(`GET ${env.secrets.redact(url)} answered ${response.status}`, { status: response.status, retryable: true, responseExcerpt: env.secrets.redact(text.slice(0, 300)) });
    }
    return JSON.parse(text) as unknown;
  }

  async function pollRound(ctx: SourceContext, cursor: string | undefined): Promise<string | undefined> {
    let url = new URL(env.secrets.resolve(config.url));
    if (config.cursor && cursor) url.searchParams.set(config.cursor.param, cursor);
    for (let page = 0; page < config.maxPages && !ctx.signal.aborted; page++) {
      const body = await fetchPage(url.toString(), ctx.signal);
      const picked = items ? await items(body) : body;
      const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
      let pageCursor = cursor;
      if (config.cursor && !config.cursor.fromItem && nextCursor) pageCursor = stringOrUndefined(await nextCursor(body)) ?? cursor;
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        if (config.cursor?.fromItem && nextCursor) cursor = stringOrUndefined(await nextCursor(item)) ?? cursor;
        const last = i === list.length - 1;
        const carry = config.cursor?.fromItem ? cursor : last ? pageCursor : undefined;
        await ctx.emit(item, carry !== undefined ? { cursor: { value: carry } satisfies PollCursor } : {});
      }
      if (list.length === 0 && pageCursor !== undefined && pageCursor !== cursor) ctx.saveCursor({ value: pageCursor } satisfies PollCursor);
      cursor = pageCursor ?? cursor;
      const next = nextLink ? stringOrUndefined(await nextLink(body)) : undefined;
      if (!next) break;
      url = new URL(next, url);
    }
    return cursor;
  }

  return {
    finite: false,
    start: async (ctx) => {
      let cursor = (ctx.cursor as PollCursor | undefined)?.value ?? (config.cursor?.initial || undefined);
      while (!ctx.signal.aborted) {
        try {
          cursor = await pollRound(ctx, cursor);
          ctx.health(undefined);
        } catch (e) {
          if (ctx.signal.aborted) return;
          ctx.health(e instanceof Error ? e : new Error(String(e)));
          env.log.warn({ flowId: env.flowId, nodeId: env.nodeId, error: env.secrets.redact(e instanceof Error ? e.message : String(e)) }, 'poll failed; trying again next interval');
          if (ctx.once) throw e;
        }
        if (ctx.once) return;
        try {
          await sleep(config.intervalMs, ctx.signal);
        } catch {
          return;
        }
      }
    },
  };
});

function stringOrUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : String(value);
}
