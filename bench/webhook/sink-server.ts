import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Deliveries one contender made to its own path on the sink, each with its arrival time (Date.now()). */
export interface SinkTally {
  arrivals: number[];
  /** Bodies that were not an invoice: a contender that mangles the mapping must not count as delivering. */
  malformed: number;
  /** The last invoice received, to check once that a contender delivers the same invoice as the others. */
  lastBody?: unknown;
}

export interface SinkServer {
  readonly url: string;
  tally(path: string): SinkTally;
  reset(path: string): void;
  close(): Promise<void>;
}

/**
 * The "billing API" every contender delivers to: answers 200 to each invoice and counts arrivals per path, so
 * deliveries/s is measured where the messages land rather than taken from the contender's own word.
 */
export async function startSinkServer(): Promise<SinkServer> {
  const tallies = new Map<string, SinkTally>();
  const tally = (path: string): SinkTally => {
    let t = tallies.get(path);
    if (!t) tallies.set(path, (t = { arrivals: [], malformed: 0 }));
    return t;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const t = tally(req.url ?? '/');
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { invoiceNumber?: unknown };
        if (typeof body.invoiceNumber === 'string' && body.invoiceNumber.startsWith('INV-')) t.arrivals.push(Date.now());
        else t.malformed++;
        t.lastBody = body;
      } catch {
        t.malformed++;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tally,
    reset: (path) => tallies.set(path, { arrivals: [], malformed: 0 }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
