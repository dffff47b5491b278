import { httpSink, type FlowNode } from '@seam/flow';
import type { AcceptedMessage } from './contract-check.js';
import { stableJson } from './stable-json.js';

/** A Pact v3 file (https://github.com/pact-foundation/pact-specification/tree/version-3), the HTTP part Seam writes. */
export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
  readonly metadata: { readonly pactSpecification: { readonly version: '3.0.0' } };
}

export interface PactInteraction {
  readonly description: string;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query?: Readonly<Record<string, readonly string[]>>;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
  };
  readonly response: { readonly status: number };
}

/**
 * The Pact for one flow → http sink pair: consumer = the flow id, provider = the sink's host (or, for a loopback
 * or IP address, its label or id), one interaction per distinct message the sink's contract accepts. Pact
 * describes HTTP, so other sinks (file, sqlite, log) have none: returns undefined for them.
 *
 * Pact v3 cannot match a status range; Seam counts any 2xx as delivered, and the pact says 200.
 */
export function buildPact(flowId: string, sink: FlowNode, messages: readonly AcceptedMessage[]): PactFile | undefined {
  if (sink.type !== httpSink.type) return undefined;
  // The flow has been validated, so this parses; it also fills in the defaults (method POST).
  const parsed = httpSink.config.safeParse(sink.config);
  if (!parsed.success) return undefined;
  const url = parseUrl(parsed.data.url);
  const method = parsed.data.method;
  const headers = requestHeaders(parsed.data.headers);
  const seen = new Set<string>();
  const interactions: PactInteraction[] = [];
  for (const { description, body } of messages) {
    const key = stableJson(body);
    if (seen.has(key)) continue;
    seen.add(key);
    interactions.push({
      description,
      request: { method, path: url.path, ...(url.query ? { query: url.query } : {}), headers, body },
      response: { status: 200 },
    });
  }
  return {
    consumer: { name: flowId },
    provider: { name: providerName(sink, url.host) },
    interactions,
    metadata: { pactSpecification: { version: '3.0.0' } },
  };
}

/** Where the pact for a flow's sink goes: one file per pair, so two sinks on one host never overwrite each other. */
export function pactFileName(flowId: string, sinkId: string): string {
  return `${flowId}-${sinkId}.json`;
}

function providerName(sink: FlowNode, host: string): string {
  const addressOnly = host === '' || host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':') || host.includes('{');
  return addressOnly ? (sink.label ?? sink.id) : host;
}

/** Secret references would be sent literally by a Pact verifier; query parameters holding one are left out. */
function parseUrl(raw: string): { host: string; path: string; query?: Record<string, string[]> } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { host: '', path: '/' };
  }
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    if (value.includes('{{')) continue;
    (query[name] ??= []).push(value);
  }
  return { host: url.hostname, path: decodeURIComponent(url.pathname) || '/', ...(Object.keys(query).length ? { query } : {}) };
}

/** The sink's own headers minus credentials (secret references), plus the JSON content type it sends. */
function requestHeaders(configured: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(configured)) {
    if (!value.includes('{{')) headers[name] = value;
  }
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  return headers;
}
