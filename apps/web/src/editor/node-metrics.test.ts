import { describe, expect, it } from 'vitest';
import { nodeCountsFromMetrics } from './node-metrics';

describe('live node counts', () => {
  it('reads the per-node counters of one flow from Prometheus text', () => {
    const text = [
      '# HELP seam_node_messages_total Messages per node by outcome',
      '# TYPE seam_node_messages_total counter',
      'seam_node_messages_total{flow="orders",node="map",outcome="received"} 12',
      'seam_node_messages_total{flow="orders",node="map",outcome="delivered"} 10',
      'seam_node_messages_total{flow="orders",node="map",outcome="dead_lettered"} 2',
      'seam_node_messages_total{flow="other",node="map",outcome="received"} 99',
      'seam_flow_messages_total{flow="orders",outcome="received"} 12',
    ].join('\n');
    expect(nodeCountsFromMetrics(text, 'orders')).toEqual({ map: { received: 12, delivered: 10, failed: 0, deadLettered: 2 } });
  });
});
