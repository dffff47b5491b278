import { isDeepStrictEqual } from 'node:util';
import jsonata from 'jsonata';
import { crmOrderEvent, type CrmOrderEvent } from './crm-records.js';

/**
 * A hand-written baseline only means something if it computes what the JSONata computes: compare both on
 * generated events (and any samples) before a figure is taken. Throws on the first difference.
 */
export async function assertHandMatchesJsonata(
  expression: string,
  byHand: (event: CrmOrderEvent) => unknown,
  samples: readonly unknown[] = [],
  count = 500,
): Promise<void> {
  const compiled = jsonata(expression);
  const events = [...samples, ...Array.from({ length: count }, (_, i) => crmOrderEvent(i))];
  for (const [i, event] of events.entries()) {
    // Round-trip both through JSON: JSONata's arrays carry extra properties that are not part of the value.
    const viaJsonata: unknown = JSON.parse(JSON.stringify(await compiled.evaluate(event)));
    const handMade: unknown = JSON.parse(JSON.stringify(byHand(event as CrmOrderEvent)));
    if (!isDeepStrictEqual(viaJsonata, handMade)) {
      throw new Error(`the hand-written mapping differs from the JSONata on event ${i}: ${JSON.stringify(viaJsonata)} vs ${JSON.stringify(handMade)}`);
    }
  }
}
