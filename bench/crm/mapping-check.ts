import { isDeepStrictEqual } from 'node:util';
import jsonata from 'jsonata';
import { crmOrderEvent } from './crm-records.js';
import { mapCrmOrderByHand } from './hand-mapping.js';

/**
 * The hand-written baseline only means something if it computes what the JSONata mapping computes: compare both
 * on generated events (and the flow's own samples) before any figure is taken. Throws on the first difference.
 */
export async function assertHandMappingMatches(expression: string, samples: readonly unknown[], count = 500): Promise<void> {
  const compiled = jsonata(expression);
  const events = [...samples, ...Array.from({ length: count }, (_, i) => crmOrderEvent(i))];
  for (const [i, event] of events.entries()) {
    // Round-trip both through JSON: JSONata's arrays carry extra properties that are not part of the value.
    const viaJsonata: unknown = JSON.parse(JSON.stringify(await compiled.evaluate(event)));
    const byHand: unknown = JSON.parse(JSON.stringify(mapCrmOrderByHand(event as Parameters<typeof mapCrmOrderByHand>[0])));
    if (!isDeepStrictEqual(viaJsonata, byHand)) {
      throw new Error(`hand-written mapping differs from crm-to-billing's JSONata on event ${i}: ${JSON.stringify(viaJsonata)} vs ${JSON.stringify(byHand)}`);
    }
  }
}
