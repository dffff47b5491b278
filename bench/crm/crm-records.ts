/**
 * Deterministic CRM "order closed" events shaped like crm-to-billing's samples: varied names, companies, 1–4 order
 * lines, createdAt as ISO-8601, Unix seconds or Unix milliseconds (so the tolerant coercion fires, as in real life).
 */
export interface CrmOrderEvent {
  event: 'order.closed';
  customer: {
    id: string;
    firstName: string;
    lastName: string;
    company?: string;
    email: string;
    address: { street: string; city: string; zip: string; country: string };
  };
  order: {
    number: string;
    currency: string;
    createdAt: string | number;
    lines: { sku: string; name: string; qty: number; unitPrice: number }[];
  };
}

const firstNames = ['Ada', 'Marco', 'Priya', 'Tom', 'Lena', 'Kenji', 'Amara', 'Lucas', 'Sofia', 'Noah'];
const lastNames = ['Lindqvist', 'Bianchi', 'Raman', 'Okafor', 'Schmidt', 'Tanaka', 'Mensah', 'Moreau', 'Garcia', 'Novak'];
const companies = ['Bianchi Logistica S.r.l.', 'Nordlicht GmbH', 'Harbour Foods Ltd', 'Acme Corp'];
const cities: [string, string, string][] = [
  ['Uppsala', '753 20', 'se'], ['Torino', '10121', 'IT'], ['San Francisco', '94105', 'us'],
  ['Cork', 'T12 X8Y2', 'IE'], ['Berlin', '10115', 'de'], ['Lyon', '69002', 'FR'],
];
const products: [string, string, number][] = [
  ['SEAT-PRO', 'Seam Pro seat (monthly)', 29], ['SEAT-TEAM', 'Seam Team seat (annual)', 240],
  ['SUPPORT-GOLD', 'Gold support', 149.5], ['ONBOARDING', 'Onboarding workshop', 1200], ['ADDON-SSO', 'SSO add-on', 32.99],
];
const currencies = ['eur', 'EUR', 'usd', 'gbp', 'CHF'];

/** A small fast PRNG (mulberry32): the same seed gives the same file on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/**
 * Makes event number `index`. With `invalid`, the customer's email is not an email, so every mapped invoice fails
 * the schema's `format: email` — the failure path, found only after the whole mapping has run.
 */
export function crmOrderEvent(index: number, invalid = false): CrmOrderEvent {
  const random = prng(index + 1);
  const firstName = pick(random, firstNames);
  const lastName = pick(random, lastNames);
  const [city, zip, country] = pick(random, cities);
  const lineCount = 1 + Math.floor(random() * 4);
  const lines = Array.from({ length: lineCount }, () => {
    const [sku, name, unitPrice] = pick(random, products);
    return { sku, name, qty: 1 + Math.floor(random() * 12), unitPrice };
  });
  const createdMs = Date.UTC(2026, 10, 1) + Math.floor(random() * 30 * 86_400_000);
  const timeForm = random();
  const createdAt = timeForm < 0.6 ? new Date(createdMs).toISOString() : timeForm < 0.8 ? Math.floor(createdMs / 1000) : createdMs;
  const email = invalid ? `${firstName}.${lastName}-at-example.com` : `${firstName}.${lastName}${index}@example.com`.toLowerCase();
  return {
    event: 'order.closed',
    customer: {
      id: `CUS-${10_000 + index}`,
      firstName,
      lastName,
      ...(random() < 0.3 ? { company: pick(random, companies) } : {}),
      email,
      address: { street: `${1 + Math.floor(random() * 200)} Main Street`, city, zip, country },
    },
    order: { number: `2026-${String(index).padStart(7, '0')}`, currency: pick(random, currencies), createdAt, lines },
  };
}
