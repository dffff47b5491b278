import { randomUUID } from 'node:crypto';
import { FlowError } from '@seam/flow';
import type { FlowResolver, FlowRunState, FlowSource, FlowStatus, MetricsReader, RunSummary, Runtime, RuntimeOptions } from './runtime-api.js';
import type { CompiledFlow } from './engine/compile-flow.js';
import { cursorKey, FlowRun } from './engine/flow-run.js';
import { HookBus } from './engine/message-hooks.js';
import { createWriteBatcher } from './engine/write-batcher.js';
import { MetricsCollector } from './metrics/metrics-collector.js';
import { deadLetterRecorder } from './observers/dead-letter-recorder.js';
import { driftRecorder } from './observers/drift-recorder.js';
import { EventBus } from './observers/event-bus.js';
import { eventPublisher } from './observers/event-publisher.js';
import { runRecorder } from './observers/run-recorder.js';
import { defaultLogger } from './runtime/default-logger.js';
import { executionLock } from './runtime/execution-lock.js';
import { replayDeadLetters } from './runtime/replay.js';
import { deadLetterFacade, runHistoryReader } from './runtime/store-readers.js';
import { compileWith, type RuntimeDeps } from './runtime/runtime-deps.js';
import { testRunFlow } from './runtime/test-run.js';
import { createSecretResolver } from './secret-resolver.js';
import { openSqliteStore } from './store/sqlite-store.js';

interface ActiveFlow {
  readonly compiled: CompiledFlow;
  readonly run: FlowRun;
  readonly runId: string;
  readonly deployed: boolean;
  state: FlowRunState;
  lastError?: string;
}

const DAY = 24 * 60 * 60 * 1000;
/** Per-minute metrics rollups are kept this long (the UI charts look back hours to days). */
const ROLLUP_RETENTION_MS = 30 * DAY;
const RUN_ONCE_KEY = 'run-once';
const now = () => new Date().toISOString();
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Opens the store and returns a runtime: deploy/stop/run flows, dead letters, replay, run history, metrics. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const log = options.logger ?? defaultLogger();
  const store = openSqliteStore(options.dbPath);
  const events = new EventBus(log);
  const secrets = createSecretResolver(options.dataDir, options.secrets);
  const batcher = createWriteBatcher(store, (err) => log.error({ err }, 'a write batch failed'));
  const hooks = new HookBus();
  const metrics = new MetricsCollector(store);
  const drift = driftRecorder(store, events);
  const history = {
    maxMessages: options.runHistory?.maxMessages ?? 10_000,
    maxAgeMs: options.runHistory?.maxAgeMs ?? 7 * DAY,
    maxPayloadBytes: options.runHistory?.maxPayloadBytes ?? 4096,
    payloadsPerSecond: options.runHistory?.payloadsPerSecond ?? 50,
  };
  hooks.add(deadLetterRecorder(store, batcher, secrets, events));
  hooks.add(runRecorder(store, batcher, secrets, history));
  hooks.add(metrics);
  hooks.add(drift);
  hooks.add(eventPublisher(events));
  const deps: RuntimeDeps = {
    store, batcher, hooks, events, log, secrets, dataDir: options.dataDir,
    concurrency: Math.max(1, options.concurrency ?? 16),
    intakeWindow: Math.max(1, options.intakeWindow ?? Math.max(256, 4 * (options.concurrency ?? 16))),
    durable: options.durableInbox ?? true,
    maxMessageBytes: options.maxMessageBytes ?? 1024 * 1024,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  };
  const active = new Map<string, ActiveFlow>();
  let closed = false;

  const flushObservations = () => store.transaction(() => {
    metrics.flush(store.deadLetters.depths());
    drift.flush();
  });
  let ticks = 0;
  const housekeeping = () => {
    try {
      flushObservations();
      // By count every tick (a key range: cheap, and a bulk load never piles up traces); by age now and then (a scan).
      store.transaction(() => store.runs.pruneToCount(history.maxMessages));
      if (++ticks % 12 === 1) {
        store.transaction(() => {
          store.runs.pruneByAge(Date.now() - history.maxAgeMs);
          store.rollups.prune(Math.floor((Date.now() - ROLLUP_RETENTION_MS) / 60_000));
        });
      }
      store.housekeeping();
    } catch (err) {
      log.warn({ err }, 'housekeeping failed');
    }
  };
  const timer = setInterval(housekeeping, options.housekeepingIntervalMs ?? 5000);
  timer.unref();

  const setState = (flow: ActiveFlow, state: FlowRunState, error?: unknown) => {
    flow.state = state;
    if (error !== undefined) flow.lastError = secrets.redact(messageOf(error));
    events.emit({ type: 'flow-state', flowId: flow.compiled.flowId, state });
  };

  // A source in trouble (a failing poll) makes the flow `failing` until it recovers.
  const sourceHealth = (flowId: string) => {
    const troubled = new Map<string, string>();
    return (sourceId: string, error: Error | undefined) => {
      const entry = active.get(flowId);
      const had = troubled.size > 0;
      if (error) troubled.set(sourceId, error.message);
      else troubled.delete(sourceId);
      if (!entry) return;
      if (error) setState(entry, 'failing', new Error(`source "${sourceId}": ${error.message}`));
      else if (had && troubled.size === 0) setState(entry, 'running');
    };
  };

  const startRun = (compiled: CompiledFlow, runId: string, trigger: 'deploy' | 'run-once', once: boolean): FlowRun => {
    store.transaction(() => store.runs.startRun({ runId, flowId: compiled.flowId, trigger, startedAt: now() }));
    events.emit({ type: 'run', flowId: compiled.flowId, runId, status: 'running' });
    return new FlowRun({
      flow: compiled, runId, store, batcher, hooks, log, concurrency: deps.concurrency, intakeWindow: deps.intakeWindow, durable: deps.durable, once, maxMessageBytes: deps.maxMessageBytes,
      onSourceHealth: sourceHealth(compiled.flowId),
    });
  };

  const endRun = async (flow: ActiveFlow, status: 'completed' | 'stopped' | 'failed') => {
    await batcher.flush();
    store.transaction(() => store.runs.endRun(flow.runId, status, now()));
    events.emit({ type: 'run', flowId: flow.compiled.flowId, runId: flow.runId, status });
  };

  const clearFiniteCursors = (compiled: CompiledFlow) => store.transaction(() => {
    for (const s of compiled.sources) if (s.runner.finite) store.flowState.delete(compiled.flowId, cursorKey(s.id));
  });

  const assertOpen = () => {
    if (closed) throw new FlowError('the runtime is closed', { errorClass: 'config' });
  };

  // Held while this process runs any flow, so that no other process drains the same inbox (execution-lock.ts).
  const lock = executionLock(options.dbPath);
  const releaseIfIdle = () => {
    if (active.size === 0) lock.release();
  };
  /** Takes the lock and compiles the flow; a flow that does not compile gives the lock back if nothing else runs. */
  const compileLocked = (flow: FlowSource): CompiledFlow => {
    lock.take();
    try {
      return compileWith(deps, flow);
    } catch (error) {
      releaseIfIdle();
      throw error;
    }
  };

  async function deploy(flow: FlowSource, resuming = false): Promise<void> {
    assertOpen();
    const flowId = flow.document.id;
    if (active.has(flowId)) await stop(flowId, false);
    // After the stop: stopping the last flow gives the lock back.
    const compiled = compileLocked(flow);
    // A fresh deploy reads finite sources from the start; a resume after a crash continues where they were.
    if (!resuming) clearFiniteCursors(compiled);
    store.transaction(() => store.flowState.markDeployed(flowId, flow.file, now()));
    const runId = randomUUID();
    const entry: ActiveFlow = { compiled, run: startRun(compiled, runId, 'deploy', false), runId, deployed: true, state: 'running' };
    active.set(flowId, entry);
    setState(entry, 'running');
    void (async () => {
      await entry.run.resumeInbox();
      await entry.run.runSources(compiled.sources);
    })().catch((error: unknown) => {
      if (entry.run.signal.aborted) return;
      log.error({ flowId, err: error }, 'a source of the flow failed');
      setState(entry, 'failing', error);
    });
  }

  async function stop(flowId: string, undeploy = true): Promise<void> {
    const entry = active.get(flowId);
    if (undeploy) store.transaction(() => store.flowState.markUndeployed(flowId));
    if (!entry) return;
    active.delete(flowId);
    await entry.run.stop();
    await entry.compiled.close();
    await endRun(entry, 'stopped');
    setState(entry, 'stopped');
    releaseIfIdle();
  }

  async function runOnce(flow: FlowSource, opts?: { readonly input?: readonly unknown[] }): Promise<RunSummary> {
    assertOpen();
    const started = Date.now();
    const flowId = flow.document.id;
    if (active.has(flowId)) throw new FlowError(`flow "${flowId}" is already running here: stop it before running it once`, { errorClass: 'config', conflict: true });
    const compiled = compileLocked(flow);
    const input = opts?.input;
    const endless = compiled.sources.filter((s) => !s.runner.finite && compiled.nodes.get(s.id)?.type !== 'http-poll');
    if (!input && endless.length) {
      await compiled.close();
      releaseIfIdle();
      throw new FlowError(`flow "${flowId}" cannot run to completion: source "${endless[0]!.id}" (${compiled.nodes.get(endless[0]!.id)?.type}) never ends; give input messages (--input) or deploy it with seam serve`, { errorClass: 'config' });
    }
    const first = compiled.sources[0];
    if (!first) {
      await compiled.close();
      releaseIfIdle();
      throw new FlowError(`flow "${flowId}" has no source`, { errorClass: 'config' });
    }
    // An interrupted run (crash, kill) is resumed with its run id, cursors and inbox; a finished one starts afresh.
    const marker = store.flowState.get(flowId, RUN_ONCE_KEY) as { runId: string } | undefined;
    const runId = marker?.runId ?? randomUUID();
    if (!marker) {
      clearFiniteCursors(compiled);
      store.transaction(() => store.flowState.set(flowId, RUN_ONCE_KEY, { runId }));
    }
    const entry: ActiveFlow = { compiled, run: startRun(compiled, runId, 'run-once', true), runId, deployed: false, state: 'running' };
    active.set(flowId, entry);
    setState(entry, 'running');
    const interrupted = () => new FlowError(`the run of flow "${flowId}" was interrupted; running it again resumes where it stopped`, { errorClass: 'config' });
    try {
      await entry.run.resumeInbox();
      if (input) {
        const skip = (entry.run.sourceContext(first.id).cursor as { next?: number } | undefined)?.next ?? 0;
        for (let i = skip; i < input.length; i++) await entry.run.admit(first.id, input[i], { id: `input-${i}`, cursor: { next: i + 1 } });
      } else {
        await entry.run.runSources(compiled.sources);
      }
      await entry.run.idle();
      if (entry.run.signal.aborted) throw interrupted();
    } catch (error) {
      // Closing the runtime (Ctrl-C) interrupts the run: the inbox and cursors stay for the next run to resume.
      if (closed || entry.run.signal.aborted) throw interrupted();
      await entry.run.stop();
      await endRun(entry, 'failed');
      setState(entry, 'failing', error);
      throw error;
    } finally {
      active.delete(flowId);
      await compiled.close();
      releaseIfIdle();
    }
    clearFiniteCursors(compiled);
    store.transaction(() => store.flowState.delete(flowId, RUN_ONCE_KEY));
    await endRun(entry, 'completed');
    setState(entry, 'stopped');
    const record = store.runs.getRun(runId);
    return {
      flow: flowId, runId, received: record?.received ?? 0, delivered: record?.delivered ?? 0, deadLettered: record?.deadLettered ?? 0,
      durationMs: Date.now() - started,
    };
  }

  const deadLetters = deadLetterFacade(store, events);
  const runs = runHistoryReader(store);

  const metricsReader: MetricsReader = {
    snapshot: () => metrics.snapshot(store.deadLetters.depths()),
    series: (flowId, o) => {
      flushObservations();
      return metrics.series(flowId, o.windowMs, o.bucketMs);
    },
    driftEvents: (flowId) => {
      store.transaction(() => drift.flush());
      return store.drift.list(flowId);
    },
  };

  return {
    deploy: (flow) => deploy(flow),
    stop: (flowId) => stop(flowId),
    runOnce,
    testRun: (flow, samples) => testRunFlow(deps, flow, samples),
    resume: async (resolve: FlowResolver) => {
      // Runs still `running` belong to a process that died — unless another process runs flows on this database
      // right now (it holds the lock): then they are its live runs, and its flows are not ours to resume.
      try {
        lock.take();
      } catch (error) {
        log.warn({ err: error }, 'another process runs flows on this database: deployed flows are not resumed here');
        return;
      }
      // An interrupted run-once is restarted under its id later anyway.
      store.transaction(() => store.runs.stopOrphans(now()));
      for (const { flowId } of store.flowState.deployed()) {
        const flow = resolve(flowId);
        if (!flow) {
          log.warn({ flowId }, 'a deployed flow no longer exists; not resumed');
          continue;
        }
        try {
          await deploy(flow, true);
        } catch (err) {
          log.error({ flowId, err }, 'a deployed flow could not be resumed');
        }
      }
      releaseIfIdle();
    },
    deployedFlowIds: () => store.flowState.deployed().map((d) => d.flowId),
    flowStatus: (flowId): FlowStatus => {
      const entry = active.get(flowId);
      const deployed = store.flowState.deployed().some((d) => d.flowId === flowId);
      return {
        flowId,
        state: entry?.state ?? 'stopped',
        deployed,
        inFlight: entry?.run.intake.inFlight ?? 0,
        breakers: entry?.compiled.breakerStates() ?? {},
        ...(entry?.lastError !== undefined ? { lastError: entry.lastError } : {}),
      };
    },
    deadLetters,
    replay: (selector, resolve, actor = 'user') => replayDeadLetters(deps, selector, resolve, actor),
    runs,
    metrics: metricsReader,
    subscribe: (listener) => events.subscribe(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      for (const [flowId, entry] of [...active]) {
        active.delete(flowId);
        await entry.run.stop();
        await entry.compiled.close();
        await endRun(entry, 'stopped');
      }
      await batcher.flush();
      housekeeping();
      batcher.close();
      store.close();
      lock.release();
    },
  };
}
