// Shapes of the HTTP API (docs/api.md). Runtime types are mirrored here rather than imported: the web app may
// import only @seam/flow, and these are plain JSON over the wire.
import type { FlowDocument, Problem } from '@seam/flow';

export type FlowRunState = 'running' | 'stopped' | 'failing';

export interface FlowSummary {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly file?: string;
  readonly valid: boolean;
  readonly problems: number;
  readonly deployed: boolean;
  readonly state?: FlowRunState;
  readonly lastRun?: { readonly status: string; readonly startedAt?: string; readonly endedAt?: string; readonly delivered?: number; readonly deadLettered?: number } | null;
  readonly dlqDepth: number;
  readonly etag: string;
}

export interface FlowResponse {
  /** Null when the file in the flows folder is not a readable flow (its problems say why). */
  readonly document: FlowDocument | null;
  readonly etag: string;
  readonly problems?: readonly Problem[];
}

export interface ApiProblem {
  readonly path: string | readonly (string | number)[];
  /** The path as text: `$.nodes[2].config.url`. */
  readonly at?: string;
  readonly code?: string;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly error: { readonly kind: string; readonly message: string; readonly problems?: readonly ApiProblem[] };
  readonly currentEtag?: string;
  readonly yourEtag?: string;
}

export interface NodeStep {
  readonly nodeId: string;
  readonly startedAt?: string;
  readonly durationMs?: number;
  readonly status: 'ok' | 'failed';
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: { readonly errorClass: string; readonly message: string };
  readonly attempts?: number;
}

export interface MessageTrace {
  readonly messageId: string;
  readonly runId?: string;
  readonly flowId?: string;
  readonly status: 'in-flight' | 'delivered' | 'dead-lettered' | 'filtered';
  readonly receivedAt?: string;
  readonly steps: readonly NodeStep[];
}

export interface TestRunResult {
  readonly traces: readonly MessageTrace[];
}

export interface DeadLetterAction {
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly note?: string;
}

export interface DeadLetter {
  readonly id: string;
  readonly messageId: string;
  readonly flowId: string;
  readonly flowVersion: string;
  readonly nodeId: string;
  readonly originalInput: unknown;
  readonly payload: unknown;
  readonly errorClass: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly status: 'pending' | 'replayed' | 'discarded';
  readonly audit?: readonly DeadLetterAction[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
  readonly total: number;
}

export interface RunRecord {
  readonly runId: string;
  readonly flowId: string;
  readonly trigger: string;
  readonly status: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
}

export interface ReplayOutcome {
  readonly id: string;
  readonly result: 'delivered' | 'dead-lettered-again' | 'skipped';
  readonly message?: string;
}

export interface StatsBucket {
  readonly at: string;
  readonly received: number;
  readonly delivered: number;
  readonly deadLettered: number;
  /** 0..1 */
  readonly errorRate: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly dlqDepth: number;
}

export interface DriftEvent {
  readonly flowId: string;
  readonly nodeId: string;
  readonly field: string;
  readonly expected: string;
  readonly seen: string;
  readonly sample: unknown;
  readonly count: number;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}
