import type { FlowSource, RuntimeLogger, WebhookIngress } from '../runtime-api.js';
import { compileFlow, type CompiledFlow } from '../engine/compile-flow.js';
import type { HookBus } from '../engine/message-hooks.js';
import type { WriteBatcher } from '../engine/write-batcher.js';
import type { EventBus } from '../observers/event-bus.js';
import type { SecretResolver } from '../secret-resolver.js';
import type { RuntimeStore } from '../store/store-types.js';

/** What the runtime's parts share; built once by createRuntime. */
export interface RuntimeDeps {
  readonly store: RuntimeStore;
  readonly batcher: WriteBatcher;
  readonly hooks: HookBus;
  readonly events: EventBus;
  readonly log: RuntimeLogger;
  readonly secrets: SecretResolver;
  readonly dataDir: string;
  readonly concurrency: number;
  readonly intakeWindow: number;
  readonly durable: boolean;
  readonly maxMessageBytes: number;
  readonly webhooks?: WebhookIngress;
}

export function compileWith(deps: RuntimeDeps, flow: FlowSource): CompiledFlow {
  return compileFlow(flow, {
    dataDir: deps.dataDir,
    log: deps.log,
    secrets: deps.secrets,
    maxMessageBytes: deps.maxMessageBytes,
    ...(deps.webhooks ? { webhooks: deps.webhooks } : {}),
    onBreaker: (nodeId, state) => deps.events.emit({ type: 'breaker', flowId: flow.document.id, nodeId, state }),
  });
}
