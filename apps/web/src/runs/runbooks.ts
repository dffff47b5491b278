import type { FailureClass } from '@seam/flow';

/** A runbook: what a failure class means and the concrete steps to take, shown beside each dead letter. */
export interface Runbook {
  readonly title: string;
  readonly meaning: string;
  readonly steps: readonly string[];
}

/** One runbook per error class a dead letter can carry (the runtime's closed set). */
export const runbooks: Readonly<Record<FailureClass, Runbook>> = {
  validation: {
    title: 'The message broke the contract',
    meaning: 'A validate node found fields that do not match its JSON Schema. The other system sent something new, or the mapping produces something the schema does not allow.',
    steps: [
      'Read the failing schema paths in the message above: they name each field and what was expected.',
      'If the sender changed its format on purpose, update the mapping or the schema (or add a tolerant coercion) in the designer, save, then replay.',
      'If this one message is simply wrong, fix its payload here and replay it — or discard it with a note.',
      'Many at once? Check Monitoring → Format drift: a drift event shows when the format started to change.',
    ],
  },
  transform: {
    title: 'The mapping failed on this message',
    meaning: 'The JSONata mapping threw an error, ran too long, recursed too deep or produced nothing for this message.',
    steps: [
      'Open the mapping node in the designer and pick “Last test run” or paste this payload as a sample: the live preview shows the error at its position.',
      'Guard optional fields (for example with a default: field ? field : "") so a missing field does not stop the mapping.',
      'Save the fixed mapping, then replay: the replay uses the current version of the flow.',
    ],
  },
  delivery: {
    title: 'The receiving system refused or could not be reached',
    meaning: 'The sink got an error answer (4xx that is not retried, or 5xx/network errors after every retry attempt).',
    steps: [
      'Read the status and response excerpt in the details: a 401/403 means the credentials (secret) expired or lack rights; a 400/422 means the receiver rejects the content.',
      'For expired credentials, renew the secret on the server (environment or secrets file) — no flow change is needed — then replay.',
      'For an outage, wait until the receiver is healthy (Monitoring → circuit breakers shows when it recovers) and replay all.',
      'For rejected content, align the mapping and the sink contract with what the receiver accepts.',
    ],
  },
  timeout: {
    title: 'The receiving system was too slow',
    meaning: 'Each attempt took longer than the per-attempt timeout of the retry policy, up to the last attempt.',
    steps: [
      'Check whether the receiver is overloaded or down (Monitoring → latency and error rate).',
      'If it is only slow, raise the attempt timeout of the retry policy or the sink; keep it below what callers wait for.',
      'Replay once the receiver answers in time.',
    ],
  },
  'circuit-open': {
    title: 'The circuit breaker was open',
    meaning: 'The sink failed too often in a row, so Seam stopped calling it to let it recover, and this message could not wait any longer.',
    steps: [
      'Find out why the receiver is failing (Monitoring → circuit breakers and error rate; the sink’s own status page).',
      'Once it is healthy again the breaker closes by itself after its cool-down.',
      'Replay all waiting dead letters of this flow: they go through the current flow version.',
    ],
  },
  config: {
    title: 'The flow itself is misconfigured',
    meaning: 'Something in the flow or the server set-up is wrong: a missing secret, a file path, a setting the runtime could not use.',
    steps: [
      'Read the message: it names the node and the setting.',
      'A missing secret: define it on the server (SEAM_SECRET_<NAME> or the secrets file), never in the flow.',
      'Otherwise fix the node in the designer, save, then replay.',
    ],
  },
};
