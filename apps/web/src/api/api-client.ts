import type { FlowDocument } from '@seam/flow';
import { readToken } from './token';
import type {
  ApiErrorBody, ContractReport, DeadLetter, DriftEvent, StatsBucket, FlowResponse, FlowSummary, MessageTrace, Page, PactFileEntry, ReplayOutcome, RunRecord, TestRunResult,
} from './api-types';

/** An HTTP error from the server, carrying its error body (kind, message, problems, etags). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly status: number, readonly body: ApiErrorBody | undefined, message: string) {
    super(message);
  }
}

/** Called when the server answers 401: the app shows the login screen. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; response: Response }> {
  const token = readToken();
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 401) onUnauthorized();
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const errorBody = isErrorBody(parsed) ? parsed : undefined;
    throw new ApiError(response.status, errorBody, errorBody?.error.message ?? `${method} ${path} failed: HTTP ${response.status}`);
  }
  return { data: parsed as T, response };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiErrorBody).error === 'object';
}

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/** The server's API, one function per endpoint. */
export const api = {
  health: async () => (await request<{ ok: boolean; version?: string }>('GET', '/api/health')).data,
  listFlows: async () => (await request<FlowSummary[]>('GET', '/api/flows')).data,
  getFlow: async (id: string) => (await request<FlowResponse>('GET', `/api/flows/${enc(id)}`)).data,
  createFlow: async (document: unknown) => (await request<FlowResponse>('POST', '/api/flows', document)).data,
  saveFlow: async (id: string, document: FlowDocument, etag: string) =>
    (await request<FlowResponse>('PUT', `/api/flows/${enc(id)}`, document, { 'If-Match': etag })).data,
  renameFlow: async (id: string, newId: string, name?: string) =>
    (await request<FlowResponse>('POST', `/api/flows/${enc(id)}/rename`, { newId, ...(name ? { name } : {}) })).data,
  deleteFlow: async (id: string) => { await request<void>('DELETE', `/api/flows/${enc(id)}`); },
  deploy: async (id: string) => (await request<{ status: unknown }>('POST', `/api/flows/${enc(id)}/deploy`)).data,
  stop: async (id: string) => (await request<{ status: unknown }>('POST', `/api/flows/${enc(id)}/stop`)).data,
  runOnce: async (id: string) =>
    (await request<{ received: number; delivered: number; deadLettered: number; runId: string }>('POST', `/api/flows/${enc(id)}/run`, {})).data,
  stats: async (id: string, window = '1h', bucket = '1m') =>
    (await request<{ buckets: StatsBucket[] }>('GET', `/api/flows/${enc(id)}/stats${query({ window, bucket })}`)).data,
  drift: async (id: string) => (await request<DriftEvent[]>('GET', `/api/flows/${enc(id)}/drift`)).data,
  status: async (id: string) => flowStatus(id),
  contracts: async (id: string) => (await request<ContractReport>('GET', `/api/flows/${enc(id)}/contracts`)).data,
  pacts: async (id: string) => (await request<PactFileEntry[]>('GET', `/api/flows/${enc(id)}/pact`)).data,
  metricsText: async () => {
    const token = readToken();
    const response = await fetch('/metrics', { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) throw new ApiError(response.status, undefined, `GET /metrics failed: HTTP ${response.status}`);
    return response.text();
  },
  testRun: async (id: string, document: FlowDocument) =>
    (await request<TestRunResult>('POST', `/api/flows/${enc(id)}/test`, { document })).data,
  listRuns: async (flowId: string, limit = 20) =>
    (await request<Page<RunRecord>>('GET', `/api/runs${query({ flowId, limit })}`)).data,
  listMessages: async (runId: string, limit = 50) =>
    (await request<Page<MessageTrace>>('GET', `/api/messages${query({ runId, limit })}`)).data,
  listDeadLetters: async (flowId: string, status = 'pending', limit = 100, errorClass?: string) =>
    (await request<Page<DeadLetter>>('GET', `/api/dead-letters${query({ flowId, status, limit, errorClass })}`)).data,
  getDeadLetter: async (id: string) => (await request<DeadLetter>('GET', `/api/dead-letters/${enc(id)}`)).data,
  editDeadLetter: async (id: string, payload: unknown) =>
    (await request<DeadLetter>('PUT', `/api/dead-letters/${enc(id)}/payload`, { payload })).data,
  replayDeadLetter: async (id: string) => (await request<ReplayOutcome>('POST', `/api/dead-letters/${enc(id)}/replay`)).data,
  discardDeadLetter: async (id: string, note?: string) =>
    (await request<DeadLetter>('POST', `/api/dead-letters/${enc(id)}/discard`, note ? { note } : {})).data,
};

/** A message for the user from anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const problems = error.body?.error.problems ?? [];
    const first = problems.slice(0, 3).map((p) => `${p.at ?? (typeof p.path === 'string' ? p.path : JSON.stringify(p.path))}: ${p.message}`);
    return [error.message, ...first].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Run state of a flow (GET /api/flows/:id/status). */
export interface FlowStatus {
  readonly flowId: string;
  readonly state: 'running' | 'stopped' | 'failing';
  readonly deployed: boolean;
  readonly inFlight?: number;
  readonly lastError?: string;
  readonly breakers?: Readonly<Record<string, 'closed' | 'open' | 'half-open'>>;
}

export const flowStatus = async (id: string): Promise<FlowStatus> =>
  (await request<FlowStatus>('GET', `/api/flows/${enc(id)}/status`)).data;
