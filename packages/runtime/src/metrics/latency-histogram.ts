import type { LatencySummary } from '../runtime-api.js';

/** Upper bounds (ms) of the latency buckets; the last bucket is everything above. */
export const LATENCY_BOUNDS_MS: readonly number[] = [
  0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000,
];

export const emptyBuckets = (): number[] => new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);

export function bucketOf(ms: number): number {
  for (let i = 0; i < LATENCY_BOUNDS_MS.length; i++) if (ms <= LATENCY_BOUNDS_MS[i]!) return i;
  return LATENCY_BOUNDS_MS.length;
}

/** The q-quantile estimated from bucket counts, interpolating linearly inside the bucket. */
export function quantile(buckets: readonly number[], q: number): number {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i]!;
    if (n === 0) continue;
    if (seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i] ?? lower * 2;
      return round(lower + ((rank - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return round(LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function summarize(buckets: readonly number[], count: number, sumMs: number): LatencySummary {
  return { count, sumMs: round(sumMs), p50: quantile(buckets, 0.5), p95: quantile(buckets, 0.95), p99: quantile(buckets, 0.99) };
}
