import type { FlowDocument } from '@seam/flow';
import type { FlowContractReport } from './contract-check.js';
import { buildPact, pactFileName, type PactFile } from './pact-export.js';

/**
 * What the Pact export makes of one contracted sink: a Pact file for an http sink, or a note saying why there is
 * none (Pact describes HTTP interactions; file, sqlite and log sinks have no Pact counterpart).
 */
export type SinkPact =
  | { readonly kind: 'pact'; readonly sinkId: string; readonly fileName: string; readonly pact: PactFile }
  | { readonly kind: 'note'; readonly sinkId: string; readonly note: string };

/** One entry per sink the report has accepted messages for, in the report's order (the CLI prints them in it). */
export function flowPacts(document: FlowDocument, report: FlowContractReport): SinkPact[] {
  return [...report.accepted].map(([sinkId, messages]): SinkPact => {
    const sink = document.nodes.find((n) => n.id === sinkId);
    const pact = sink && buildPact(document.id, sink, messages);
    if (!pact) {
      return { kind: 'note', sinkId, note: `no Pact file for "${sinkId}": Pact describes HTTP interactions and this is a ${sink?.type ?? 'unknown'} sink` };
    }
    return { kind: 'pact', sinkId, fileName: pactFileName(document.id, sinkId), pact };
  });
}
