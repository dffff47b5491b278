import express from 'express';
import http from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileInvoiceValidator } from '../crm/invoice-validator.js';
import { coerceIssuedAt, mapCrmOrderByHand } from '../crm/hand-mapping.js';
import type { CrmOrderEvent } from '../crm/crm-records.js';

/**
 * The hand-written webhook: a plain Express handler that maps by hand, coerces, validates with ajv and forwards (node:http keep-alive agent, as
 * Seam's http sink does) to the sink before answering. Not durable: if the process dies mid-request the event is gone — the price Seam's
 * inbox pays is what figure 3 puts next to it.
 */
export async function startExpressBaseline(sinkUrl: string, schema: Record<string, unknown>): Promise<{ hookUrl: string; server: Server }> {
  const validate = compileInvoiceValidator(schema);
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/hooks/crm', async (req, res) => {
    const invoice = mapCrmOrderByHand(req.body as CrmOrderEvent);
    coerceIssuedAt(invoice);
    if (!validate(invoice)) {
      res.status(400).json({ errors: validate.errors });
      return;
    }
    try {
      const status = await postWithAgent(sinkUrl, JSON.stringify(invoice));
      const ok = status >= 200 && status < 300;
      res.status(ok ? 200 : 502).json({ delivered: ok });
    } catch {
      res.status(502).json({ delivered: false });
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { hookUrl: `http://127.0.0.1:${port}/hooks/crm`, server };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs JSON over a keep-alive agent and resolves with the status once the answer is read. */
function postWithAgent(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
