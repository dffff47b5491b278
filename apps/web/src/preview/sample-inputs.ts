import { nodeDefinition, type FlowDocument } from '@seam/flow';
import { evaluateJsonata } from './evaluate-jsonata';

const MAX_SAMPLES = 20;

/** The sample messages a source emits in design: its samples in the flow file, else an inline source's messages. */
export function sourceSamples(doc: FlowDocument, nodeId: string): unknown[] {
  const stored = doc.samples[nodeId];
  if (stored && stored.length) return stored.slice(0, MAX_SAMPLES);
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (node?.type === 'inline' && Array.isArray(node.config.messages)) return (node.config.messages as unknown[]).slice(0, MAX_SAMPLES);
  if (node?.type === 'schedule') return [node.config.payload ?? {}];
  return [];
}

/**
 * The messages that reach a node's input in design: every source's samples, passed through the mappings upstream
 * (evaluated here, in the browser). Validation and retry nodes pass messages on unchanged; a mapping that fails on a
 * sample drops that sample, as the runtime would dead-letter it.
 */
export async function nodeInputs(doc: FlowDocument, nodeId: string): Promise<unknown[]> {
  const outputs = new Map<string, Promise<unknown[]>>();
  const visiting = new Set<string>();
  const outputOf = (id: string): Promise<unknown[]> => {
    const known = outputs.get(id);
    if (known) return known;
    const computed = (async () => {
      if (visiting.has(id)) return [];
      visiting.add(id);
      const node = doc.nodes.find((n) => n.id === id);
      const kind = node ? nodeDefinition(node.type)?.kind : undefined;
      if (!node || !kind) return [];
      if (kind === 'source') return sourceSamples(doc, id);
      const input = await inputOf(id);
      if (kind !== 'transform' || typeof node.config.expression !== 'string') return input;
      const results = await Promise.all(input.map((m) => evaluateJsonata(node.config.expression as string, m)));
      return results.flatMap((r) => (r.ok && r.value !== undefined ? [r.value] : []));
    })();
    outputs.set(id, computed);
    return computed;
  };
  const inputOf = async (id: string): Promise<unknown[]> => {
    const parents = doc.edges.filter((e) => e.to === id).map((e) => e.from);
    const all = await Promise.all(parents.map(outputOf));
    return all.flat().slice(0, MAX_SAMPLES);
  };
  return inputOf(nodeId);
}
