import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeFlow } from '@seam/flow';
import type { CrmFlowParts } from '../crm/crm-flow.js';

/** Writes crm-to-billing, unchanged but for its billing URL (the bench's sink), into a flows folder of its own. */
export function writeSeamWebhookFlow(crm: CrmFlowParts, flowsDir: string, sinkUrl: string): void {
  const document = {
    ...crm.document,
    nodes: crm.document.nodes.map((n) => (n.type === 'http' ? { ...n, config: { ...n.config, url: sinkUrl } } : n)),
  };
  mkdirSync(flowsDir, { recursive: true });
  writeFileSync(path.join(flowsDir, `${crm.document.id}.json`), serializeFlow(document));
}
