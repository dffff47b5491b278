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

/** One thing wrong with one message of a contract check: `crm-webhook` `example 1`: what is wrong, at which path. */
export interface ContractFailure {
  readonly nodeId: string;
  /** `example 2`, `reject 1`, `sample 3` or `message 1` (an inline source's), counted from 1. */
  readonly subject: string;
  readonly message: string;
}

/** GET /api/flows/:id/contracts: what `seam test` says about the flow as saved (the version `etag`). */
export interface ContractReport {
  readonly flowId: string;
  readonly etag: string;
  readonly checkedAt: string;
  readonly checked: number;
  readonly broken: number;
  readonly failures: readonly ContractFailure[];
  readonly notes: readonly string[];
}

/** GET /api/flows/:id/pact: one Pact v3 file per http sink with a contract (the document is passed on as it is). */
export interface PactFileEntry {
  readonly fileName: string;
  readonly pact: unknown;
}

// The runtime's records travel as JSON unchanged: one contract, imported as types only (erased from the bundle).
export type {
  DeadLetter, DeadLetterAction, DriftEvent, MessageTrace, NodeStep, Page, ReplayOutcome, RunRecord, StatsBucket, TestRunResult,
} from '@seam/runtime/api';
