import type { Runtime } from '@seam/runtime';
import type { MetricsExporter } from './metrics-exporter.js';
import type { SseHub } from './sse-hub.js';

/**
 * Forwards the runtime's events to the SSE clients and the metrics, and sends a `stats` tick per deployed flow.
 * Per-node events feed only the metrics: at full speed they would flood the browser. Returns a stop function.
 */
export function wireLiveEvents(runtime: Runtime, hub: SseHub, metrics: MetricsExporter, statsMs = 5000): () => void {
  const unsubscribe = runtime.subscribe((event) => {
    metrics.observe(event);
    if (event.type === 'node') return;
    const { type, ...data } = event;
    hub.publish(type, data);
  });
  const tick = setInterval(() => {
    if (hub.clientCount === 0) return;
    const flows = runtime.metrics.snapshot().flows;
    for (const flowId of runtime.deployedFlowIds()) {
      const c = flows[flowId];
      hub.publish('stats', {
        flowId,
        received: c?.received ?? 0,
        delivered: c?.delivered ?? 0,
        deadLettered: c?.deadLettered ?? 0,
        dlqDepth: runtime.deadLetters.depth(flowId),
      });
    }
  }, statsMs);
  tick.unref();
  return () => {
    unsubscribe();
    clearInterval(tick);
  };
}
