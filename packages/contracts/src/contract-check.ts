import { inlineSource, nodeDefinition, type FlowDocument, type FlowNode } from '@seam/flow';
import type { FlowSource, MessageTrace, TestRunResult } from '@seam/runtime';
import type { MessageCheck } from './schema-check.js';
import { stableJson } from './stable-json.js';

/** One thing wrong with one message: `<node-id> <subject>: <message>`, e.g. `crm-webhook example 1: …`. */
export interface ContractFailure {
  readonly nodeId: string;
  /** Which message of the node: `example 2`, `reject 1`, `sample 3` (contract examples) or `message 1` (inline). */
  readonly subject: string;
  readonly message: string;
}

/** A message a sink's contract accepts, for the Pact export: the sink's own examples and what the flow sends it. */
export interface AcceptedMessage {
  readonly description: string;
  readonly body: unknown;
}

export interface FlowContractReport {
  /** Messages checked: contract examples and rejects, plus the samples run for sources without examples. */
  readonly checked: number;
  /** Messages with at least one failure. */
  readonly broken: number;
  readonly failures: readonly ContractFailure[];
  /** Things worth knowing that are not failures (a sink contract no example reaches). */
  readonly notes: readonly string[];
  /** Keyed by sink node id (sinks with a contract only). */
  readonly accepted: ReadonlyMap<string, readonly AcceptedMessage[]>;
}

/** What the check needs from the runtime: its dry test run (sinks not called). */
export type TestRun = (flow: FlowSource, samples: Readonly<Record<string, readonly unknown[]>>) => Promise<TestRunResult>;

/** A message to run from a source, and what must become of it. */
interface SourceInput {
  readonly subject: string;
  readonly message: unknown;
  readonly expect: 'delivered' | 'dead-lettered';
}

/**
 * Verifies a flow's contracts offline: every contract example satisfies its own schema, every sink reject is
 * refused by its schema, and every source example (or, for a source without examples, its samples) run through
 * the flow reaches each contracted sink as something that sink's contract accepts — without being dead-lettered
 * on the way, unless it is listed under the source's `rejects`, in which case it must be dead-lettered.
 * Throws what the test run throws (a FlowError for a flow that cannot be compiled).
 */
export async function checkFlowContracts(flow: FlowSource, testRun: TestRun, compile: (schema: Readonly<Record<string, unknown>>) => MessageCheck): Promise<FlowContractReport> {
  const doc = flow.document;
  const report = new ReportBuilder();
  if (Object.keys(doc.contracts).length === 0) return report.done(['no contracts: nothing to check']);

  const checks = new Map(Object.entries(doc.contracts).map(([id, contract]) => [id, compile(contract.schema)]));
  const kindOf = (id: string) => nodeDefinition(doc.nodes.find((n) => n.id === id)?.type ?? '')?.kind;

  for (const [nodeId, contract] of Object.entries(doc.contracts)) {
    const check = checks.get(nodeId)!;
    const sink = kindOf(nodeId) === 'sink';
    for (const [i, example] of contract.examples.entries()) {
      const subject = `example ${i + 1}`;
      const faults = check(example);
      report.checked(nodeId, subject);
      for (const f of faults) report.fail(nodeId, subject, `its own contract refuses it: ${f.path}: ${f.message}`);
      if (sink && faults.length === 0) report.accept(nodeId, `${nodeId} example ${i + 1}`, example);
    }
    if (!sink) continue;
    for (const [i, reject] of (contract.rejects ?? []).entries()) {
      report.checked(nodeId, `reject ${i + 1}`);
      if (check(reject).length === 0) {
        report.fail(nodeId, `reject ${i + 1}`, 'listed under rejects, but the contract\'s schema accepts it: tighten the schema or remove the reject');
      }
    }
  }

  const sources = doc.nodes.filter((n) => kindOf(n.id) === 'source');
  const reached = new Set<string>();
  for (const source of sources) {
    const inputs = sourceInputs(doc, source);
    if (inputs.length === 0) continue;
    // Only this source's messages: another source's samples would be checked (and counted) twice.
    const samples = Object.fromEntries(sources.map((s) => [s.id, s.id === source.id ? inputs.map((m) => m.message) : []]));
    const { traces } = await testRun(flow, samples);
    for (const [i, input] of inputs.entries()) {
      report.checked(source.id, input.subject);
      const trace = traces[i];
      if (!trace) {
        report.fail(source.id, input.subject, 'the test run returned no trace for it (a bug in Seam)');
        continue;
      }
      const sinksReached = trace.steps.filter((s) => s.status === 'ok' && kindOf(s.nodeId) === 'sink');
      for (const step of sinksReached) reached.add(step.nodeId);
      if (input.expect === 'dead-lettered') checkRejected(report, source.id, input.subject, trace, sinksReached.map((s) => s.nodeId));
      else checkDelivered(report, source.id, input.subject, trace, checks, kindOf);
    }
  }

  const unreached = [...checks.keys()].filter((id) => kindOf(id) === 'sink' && !reached.has(id));
  return report.done(sources.length === 0 ? [] : unreached.map((id) => `no source example reaches "${id}": its contract was checked against its own examples only`));
}

/**
 * A source's messages to run: its contract examples, else its samples, else an inline source's messages; then its
 * rejects. A sample that is also listed under rejects (a bad message kept in the samples to show dead-lettering in
 * the designer) is checked as a reject only.
 */
function sourceInputs(doc: FlowDocument, source: FlowNode): SourceInput[] {
  const contract = doc.contracts[source.id];
  const rejects = contract?.rejects ?? [];
  const rejected = new Set(rejects.map(stableJson));
  const inlineConfig = source.type === inlineSource.type ? inlineSource.config.safeParse(source.config) : undefined;
  const inline = inlineConfig?.success ? inlineConfig.data.messages : [];
  const [label, messages] = contract && contract.examples.length > 0 ? ['example', contract.examples]
    : (doc.samples[source.id] ?? []).length > 0 ? ['sample', doc.samples[source.id]!]
      : ['message', inline];
  return [
    ...messages.flatMap((message, i) => (label !== 'example' && rejected.has(stableJson(message)) ? []
      : [{ subject: `${label} ${i + 1}`, message, expect: 'delivered' as const }])),
    ...rejects.map((message, i) => ({ subject: `reject ${i + 1}`, message, expect: 'dead-lettered' as const })),
  ];
}

function checkDelivered(report: ReportBuilder, sourceId: string, subject: string, trace: MessageTrace, checks: ReadonlyMap<string, MessageCheck>, kindOf: (id: string) => string | undefined): void {
  for (const step of trace.steps) {
    if (step.status === 'failed') {
      const why = step.error ? `(${step.error.errorClass}): ${step.error.message}` : '';
      report.fail(sourceId, subject, `dead-lettered at "${step.nodeId}" ${why}`.trim());
      continue;
    }
    const check = checks.get(step.nodeId);
    if (!check || kindOf(step.nodeId) !== 'sink') continue;
    const faults = check(step.input);
    for (const f of faults) report.fail(sourceId, subject, `the flow sends "${step.nodeId}" what its contract refuses: ${f.path}: ${f.message}`);
    if (faults.length === 0) report.accept(step.nodeId, `${sourceId} ${subject}, as the flow maps it`, step.input);
  }
}

function checkRejected(report: ReportBuilder, sourceId: string, subject: string, trace: MessageTrace, sinksReached: readonly string[]): void {
  if (sinksReached.length > 0) {
    report.fail(sourceId, subject, `listed under rejects, but the flow delivers it to ${sinksReached.map((id) => `"${id}"`).join(', ')} instead of dead-lettering it`);
  } else if (!trace.steps.some((s) => s.status === 'failed')) {
    report.fail(sourceId, subject, 'listed under rejects, but the flow drops it without dead-lettering it');
  }
}

/** Counts each message once however many checks it goes through, and a broken one once however many faults it has. */
class ReportBuilder {
  private readonly seen = new Set<string>();
  private readonly brokenKeys = new Set<string>();
  private readonly failures: ContractFailure[] = [];
  private readonly accepted = new Map<string, AcceptedMessage[]>();

  checked(nodeId: string, subject: string): void {
    this.seen.add(`${nodeId}\u0000${subject}`);
  }

  fail(nodeId: string, subject: string, message: string): void {
    this.brokenKeys.add(`${nodeId}\u0000${subject}`);
    this.failures.push({ nodeId, subject, message });
  }

  accept(sinkId: string, description: string, body: unknown): void {
    const list = this.accepted.get(sinkId) ?? [];
    list.push({ description, body });
    this.accepted.set(sinkId, list);
  }

  done(notes: readonly string[]): FlowContractReport {
    return { checked: this.seen.size, broken: this.brokenKeys.size, failures: this.failures, notes, accepted: this.accepted };
  }
}
