import { isDeepStrictEqual } from 'node:util';
import { coerceIssuedAt, mapCrmOrderByHand } from '../crm/hand-mapping.js';
import type { CrmOrderEvent } from '../crm/crm-records.js';
import type { SinkServer } from './sink-server.js';
import type { Service } from './service.js';

/**
 * Sends one event and checks the invoice that reaches the sink is the one the hand-written mapping makes: a
 * contender whose flow computes something else would not be doing the same work, whatever its speed.
 */
export async function assertDeliversSameInvoice(service: Service, sink: SinkServer, sinkPath: string, event: CrmOrderEvent): Promise<void> {
  sink.reset(sinkPath);
  const res = await fetch(service.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
  if (!res.ok) throw new Error(`${service.label} answered ${res.status} to a valid event: ${(await res.text()).slice(0, 300)}`);
  const expected = mapCrmOrderByHand(event);
  coerceIssuedAt(expected);
  // Seam delivers after answering, possibly after earlier events (the readiness probe): wait for this invoice.
  const isOurs = (body: unknown) => (body as { invoiceNumber?: unknown } | undefined)?.invoiceNumber === expected.invoiceNumber;
  const deadline = Date.now() + 10_000;
  while (!isOurs(sink.tally(sinkPath).lastBody) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const delivered = sink.tally(sinkPath).lastBody;
  if (!isDeepStrictEqual(delivered, JSON.parse(JSON.stringify(expected)))) {
    throw new Error(`${service.label} delivered a different invoice: ${JSON.stringify(delivered)?.slice(0, 400)} instead of ${JSON.stringify(expected).slice(0, 400)}`);
  }
}
