import { httpSink, type FlowDocument } from '@seam/flow';
import type { ContractFailure, ContractReport } from '../api/api-types';

/** The one line the Contracts card leads with, and its colour. */
export interface ContractHeadline {
  readonly tone: 'ok' | 'broken' | 'none';
  readonly text: string;
}

export function contractHeadline(report: ContractReport): ContractHeadline {
  if (report.checked === 0) return { tone: 'none', text: 'No contract messages to check' };
  const messages = `${report.checked} message${report.checked === 1 ? '' : 's'}`;
  if (report.broken === 0) return { tone: 'ok', text: `${messages} checked · all pass` };
  return { tone: 'broken', text: `${report.broken} of ${messages} checked ${report.broken === 1 ? 'breaks' : 'break'} a contract` };
}

/** One broken message with everything wrong with it (the report has one failure per fault). */
export interface BrokenMessage {
  readonly nodeId: string;
  readonly subject: string;
  readonly problems: readonly string[];
}

/** Failures grouped per message, in the report's order: a message with three faults is one row, not three. */
export function brokenMessages(failures: readonly ContractFailure[]): BrokenMessage[] {
  const byMessage = new Map<string, { nodeId: string; subject: string; problems: string[] }>();
  for (const f of failures) {
    const key = `${f.nodeId}\u0000${f.subject}`;
    const entry = byMessage.get(key) ?? { nodeId: f.nodeId, subject: f.subject, problems: [] };
    entry.problems.push(f.message);
    byMessage.set(key, entry);
  }
  return [...byMessage.values()];
}

/** `example 2` → `Contract example 2`: says where in the flow file the message lives. */
export function describeSubject(subject: string): string {
  const [kind, n] = subject.split(' ');
  switch (kind) {
    case 'example': return `Contract example ${n}`;
    case 'reject': return `Contract reject ${n} (must be dead-lettered)`;
    case 'sample': return `Sample ${n}`;
    case 'message': return `Inline message ${n}`;
    default: return subject;
  }
}

/** Pact files exist only for http sinks with a contract; without one the download has nothing to give. */
export function hasPactSinks(document: FlowDocument): boolean {
  return document.nodes.some((n) => n.type === httpSink.type && document.contracts[n.id] !== undefined);
}
