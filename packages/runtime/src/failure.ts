import { BugError, DeliveryError, FlowError } from '@seam/flow';
import type { ErrorClass } from './runtime-api.js';

/** Why a message failed at a node, as stored in the DLQ and run history. */
export interface Failure {
  readonly errorClass: ErrorClass;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** Which retryOn category the failure falls in (network, timeout, 408, 429, 5xx), when it is a delivery failure. */
  readonly category?: string;
}

/** A delivery refused because the sink's circuit breaker is open. */
export class CircuitOpenError extends DeliveryError {
  constructor(nodeId: string) {
    super(`circuit breaker of "${nodeId}" is open: the upstream failed repeatedly`, { retryable: false });
  }
}

/** Turns anything a runner threw into a Failure; unexpected errors become BugErrors, logged by the caller. */
export function toFailure(thrown: unknown): Failure {
  if (thrown instanceof CircuitOpenError) {
    return { errorClass: 'circuit-open', message: thrown.message, details: {}, retryable: false };
  }
  if (thrown instanceof DeliveryError) {
    const d = thrown.details;
    const category = d.timeout ? 'timeout' : d.status === undefined ? 'network' : d.status >= 500 ? '5xx' : String(d.status);
    return {
      errorClass: d.timeout ? 'timeout' : 'delivery',
      message: thrown.message,
      details: {
        ...(d.status !== undefined ? { status: d.status } : {}),
        ...(d.responseExcerpt !== undefined ? { responseExcerpt: d.responseExcerpt } : {}),
        ...(d.retryAfterMs !== undefined ? { retryAfterMs: d.retryAfterMs } : {}),
      },
      retryable: d.retryable,
      ...(d.retryAfterMs !== undefined ? { retryAfterMs: d.retryAfterMs } : {}),
      category,
    };
  }
  if (thrown instanceof FlowError) {
    const extra = thrown instanceof DetailedFlowError ? thrown.extra : undefined;
    return {
      errorClass: thrown.details.errorClass ?? 'validation',
      message: thrown.message,
      details: { ...(thrown.details.path ? { path: thrown.details.path } : {}), ...(extra ?? {}) },
      retryable: false,
    };
  }
  const bug = thrown instanceof BugError ? thrown : new BugError(thrown instanceof Error ? thrown.message : String(thrown), { cause: thrown });
  return { errorClass: 'delivery', message: `unexpected error: ${bug.message}`, details: { bug: true }, retryable: false };
}

/** A FlowError carrying structured details for the DLQ (schema paths, line numbers). */
export class DetailedFlowError extends FlowError {
  constructor(message: string, errorClass: 'validation' | 'transform' | 'config', readonly extra: Record<string, unknown>) {
    super(message, { errorClass });
  }
}

/**
 * Builds an error without capturing a stack trace. For FlowErrors about a message's content (validation,
 * transform), which are expected, frequent on a bad batch, and whose stack would say nothing to the user.
 */
export function stackless<E extends Error>(make: () => E): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
