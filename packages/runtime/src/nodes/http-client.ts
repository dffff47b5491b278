import http from 'node:http';
import https from 'node:https';

/** What a request came back with: the status decides, the excerpt explains a failure. */
export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The start of the response body (at most `excerptBytes`), decoded as UTF-8; empty for a 2xx. */
  readonly excerpt: string;
}

export interface HttpClientOptions {
  /** Sockets open at once per origin; more requests queue in the agent. */
  readonly maxSockets: number;
  /** Bytes of a non-2xx body kept for the error; the rest is read and dropped so the socket can be reused. */
  readonly excerptBytes: number;
}

/** One keep-alive HTTP client: its sockets stay open between messages and are closed by `close`. */
export interface HttpClient {
  /**
   * Sends one request. Rejects with `signal.reason` when aborted before an answer, with a TimeoutError once
   * `deadline` (epoch ms) passes without one, or with the network error. Its own timer rather than a derived
   * AbortSignal: one controller, listener and timer fewer per message.
   */
  send(url: URL, method: string, headers: Record<string, string>, body: string, signal: AbortSignal, deadline: number): Promise<HttpAnswer>;
  /** Destroys every socket, idle or busy (the flow is stopping). */
  close(): void;
}

/** A reused keep-alive socket the server had closed meanwhile fails with one of these before any answer. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** A request that failed on a reused socket is sent again on another; bounded in case the peer keeps resetting. */
const MAX_STALE_RETRIES = 3;

/**
 * node:http(s) requests through keep-alive agents. fetch (undici) cost about half the webhook throughput in the
 * project bench; a keep-alive agent keeps a connection per concurrent message instead of a handshake per message.
 * A server may close an idle keep-alive connection just as a request goes out on it: such a request (it got no
 * answer) is sent again on a fresh socket, which is safe because every sink request carries an Idempotency-Key.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets };
  let httpAgent: http.Agent | undefined;
  let httpsAgent: https.Agent | undefined;
  let closed = false;
  const agentFor = (url: URL): http.Agent =>
    url.protocol === 'https:' ? (httpsAgent ??= new https.Agent(agentOptions)) : (httpAgent ??= new http.Agent(agentOptions));

  const once = (url: URL, method: string, headers: Record<string, string>, body: string, signal: AbortSignal, deadline: number) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      let answered = false;
      const req = transport.request(url, { method, headers, agent: agentFor(url) }, (res) => {
        answered = true;
        const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        const kept: Buffer[] = [];
        let keptBytes = 0;
        const answer = (): HttpAnswer => ({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          excerpt: ok ? '' : Buffer.concat(kept, keptBytes).toString('utf8'),
        });
        res.on('data', (chunk: Buffer) => {
          if (ok || keptBytes >= options.excerptBytes) return;
          const part = chunk.subarray(0, options.excerptBytes - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        });
        // The body is read to its end (not abandoned) so that the socket goes back to the pool. The status
        // decides: a body cut short (by the peer, or the timeout) changes nothing about it.
        const finish = () => {
          cleanup();
          resolve(answer());
        };
        res.on('end', finish);
        res.on('error', finish);
        res.on('close', finish);
      });
      // After the answer started, stopping only cuts the body short: the status still decides.
      const stop = (reason: unknown) => {
        req.destroy(reason instanceof Error ? reason : new Error(String(reason)));
        if (!answered) reject(reason);
      };
      const onAbort = () => stop(signal.reason);
      const ms = Math.max(0, deadline - Date.now());
      let timedOut: unknown;
      const timer = setTimeout(() => stop((timedOut = timeoutError(ms))), ms);
      const cleanup = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      req.on('error', (error: NodeJS.ErrnoException) => {
        cleanup();
        if (answered) return;
        if (timedOut !== undefined) return reject(timedOut);
        if (signal.aborted) return reject(signal.reason);
        if (req.reusedSocket && error.code !== undefined && STALE_SOCKET_CODES.has(error.code)) return reject(new StaleSocket(error));
        reject(error);
      });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      req.setHeader('content-length', Buffer.byteLength(body));
      req.end(body);
    });

  return {
    async send(url, method, headers, body, signal, deadline) {
      for (let retry = 0; ; retry++) {
        // A request cut off by `close` must not open new keep-alive sockets nobody will close.
        if (closed) throw new Error('the sink was closed');
        try {
          return await once(url, method, headers, body, signal, deadline);
        } catch (error) {
          if (!(error instanceof StaleSocket)) throw error;
          if (retry >= MAX_STALE_RETRIES) throw error.socketError;
        }
      }
    },
    close() {
      closed = true;
      httpAgent?.destroy();
      httpsAgent?.destroy();
      httpAgent = undefined;
      httpsAgent = undefined;
    },
  };
}

/** A request lost on a keep-alive socket the server had already closed: no answer, safe to send again. */
class StaleSocket extends Error {
  constructor(readonly socketError: NodeJS.ErrnoException) {
    super(socketError.message);
  }
}

const timeoutError = (ms: number) => new DOMException(`timed out after ${ms} ms`, 'TimeoutError');
