/** Message counts of one node while its flow is deployed. */
export interface LiveCounts {
  readonly received: number;
  readonly delivered: number;
  readonly failed: number;
  readonly deadLettered: number;
}

const LINE = /^seam_node_messages_total\{([^}]*)\}\s+([0-9.eE+-]+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;
const OUTCOMES: Readonly<Record<string, keyof LiveCounts>> = {
  received: 'received', delivered: 'delivered', failed: 'failed', dead_lettered: 'deadLettered',
};

/** Reads one flow's per-node counters out of the server's Prometheus text (GET /metrics). */
export function nodeCountsFromMetrics(text: string, flowId: string): Record<string, LiveCounts> {
  const counts: Record<string, LiveCounts> = {};
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(LABEL)].map((m) => [m[1], m[2]]));
    const field = OUTCOMES[labels.outcome ?? ''];
    if (labels.flow !== flowId || !labels.node || !field) continue;
    const before = counts[labels.node] ?? { received: 0, delivered: 0, failed: 0, deadLettered: 0 };
    counts[labels.node] = { ...before, [field]: Number(match[2]) };
  }
  return counts;
}
