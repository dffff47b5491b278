import type { NodeKind } from '@seam/flow';

/** One calm accent colour and a plain-words name per node kind; used by the palette, nodes and minimap. */
export const kindStyle: Readonly<Record<NodeKind, { readonly label: string; readonly color: string; readonly hint: string }>> = {
  source: { label: 'Sources', color: '#2f7d6d', hint: 'Where messages come from' },
  transform: { label: 'Transform', color: '#5b5bd6', hint: 'Reshape messages' },
  validate: { label: 'Validate', color: '#b7791f', hint: 'Check messages against a contract' },
  retry: { label: 'Retry', color: '#c2410c', hint: 'Retry deliveries, then dead-letter' },
  sink: { label: 'Sinks', color: '#2563eb', hint: 'Where messages are delivered' },
};
