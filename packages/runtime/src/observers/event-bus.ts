import type { RuntimeEvent, RuntimeLogger } from '../runtime-api.js';

/** Live events for the server's SSE stream and metrics; a throwing listener never disturbs the runtime. */
export class EventBus {
  private readonly listeners = new Set<(event: RuntimeEvent) => void>();

  constructor(private readonly log: RuntimeLogger) {}

  get active(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: (event: RuntimeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RuntimeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.log.warn({ err }, 'a runtime event listener threw');
      }
    }
  }
}
