import type { JsonPath } from './problem.js';

/**
 * The closed set of errors, each saying who is at fault:
 * the flow (a user fixes it; never retried), the other side (retried, then dead-lettered), or Seam itself.
 */
export type SeamError = FlowError | DeliveryError | BugError;

/** The flow, its config or a message's content is wrong: a user must fix it. Never retried. */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  constructor(
    message: string,
    readonly details: {
      readonly path?: JsonPath;
      readonly nodeId?: string;
      readonly errorClass?: FlowErrorClass;
      /** The request clashes with the flow's current state (already running, already replayed): wait or stop first. */
      readonly conflict?: boolean;
    } = {},
  ) {
    super(message);
  }
}

export type FlowErrorClass = 'validation' | 'transform' | 'config';

/** The other side failed (HTTP status, network, timeout). Retried when `retryable`, then dead-lettered. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly details: {
      readonly status?: number;
      readonly retryable: boolean;
      readonly retryAfterMs?: number;
      readonly responseExcerpt?: string;
      readonly timeout?: boolean;
    },
  ) {
    super(message);
  }
}

/** Something Seam did not expect: logged with its stack, reported as a bug. */
export class BugError extends Error {
  override readonly name = 'BugError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
