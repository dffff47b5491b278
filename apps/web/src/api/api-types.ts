// Shapes of the HTTP API (docs/api.md). The web app imports values only from @seam/flow; the runtime's
// contract (runtime-api.ts, pure types) is imported type-only, so no Node code reaches the browser.
import type { FlowDocument, Problem } from '@seam/flow';
import type { FlowRunState } from '@seam/runtime/api';

export type { FlowRunState };

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

// The runtime's records travel as JSON unchanged: one contract, imported as types only (erased from the bundle).
export type {
  DeadLetter, DeadLetterAction, DriftEvent, MessageTrace, NodeStep, Page, ReplayOutcome, RunRecord, StatsBucket, TestRunResult,
} from '@seam/runtime/api';
