import type { RequestHandler, Response } from 'express';
import { HttpError } from './http-error.js';

/**
 * Server-sent events for the designer: every published event goes to every connected client as
 * `event: <type>` + `data: <json>`. A comment line every `heartbeatMs` keeps proxies from closing idle streams.
 */
export class SseHub {
  private readonly clients = new Set<Response>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: { readonly heartbeatMs?: number; readonly maxClients?: number } = {}) {
    this.heartbeat = setInterval(() => this.writeAll(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  readonly handler: RequestHandler = (req, res) => {
    if (this.clients.size >= (this.options.maxClients ?? 100)) {
      throw new HttpError(503, 'unavailable', 'too many open event streams: close other Seam tabs');
    }
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n: connected\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  };

  publish(type: string, data: unknown): void {
    if (this.clients.size === 0) return;
    this.writeAll(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(frame: string): void {
    for (const res of this.clients) {
      if (res.writableEnded || res.destroyed) this.clients.delete(res);
      else res.write(frame);
    }
  }
}
