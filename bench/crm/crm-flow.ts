import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlowText, type FlowDocument, type FlowNode } from '@seam/flow';
import { NotReady } from '../lib/figure.js';
import { flowsDir } from '../lib/paths.js';

export const crmFlowFile = path.join(flowsDir, 'crm-to-billing.json');

/** The parts of `crm-to-billing` every benchmark reuses, so that all contenders run the same mapping and schema. */
export interface CrmFlowParts {
  readonly document: FlowDocument;
  readonly mapping: FlowNode;
  readonly validation: FlowNode;
  readonly expression: string;
  readonly schema: Record<string, unknown>;
  /** Node-RED's change node evaluates against `msg`, so it needs the mapping applied to `payload`. */
  readonly webhookNodeId: string;
}

export function loadCrmFlow(): CrmFlowParts {
  if (!existsSync(crmFlowFile)) throw new NotReady('flows/crm-to-billing.json does not exist yet');
  const loaded = loadFlowText(readFileSync(crmFlowFile, 'utf8'));
  if (!loaded.document) throw new NotReady(`flows/crm-to-billing.json does not load: ${loaded.problems[0]?.message ?? 'unknown problem'}`);
  const document = loaded.document;
  const byType = (type: string): FlowNode => {
    const node = document.nodes.find((n) => n.type === type);
    if (!node) throw new NotReady(`flows/crm-to-billing.json has no ${type} node`);
    return node;
  };
  const mapping = byType('jsonata');
  const validation = byType('json-schema');
  const expression = mapping.config.expression;
  const schema = validation.config.schema;
  if (typeof expression !== 'string' || typeof schema !== 'object' || schema === null) {
    throw new NotReady('flows/crm-to-billing.json: mapping expression or schema missing');
  }
  return {
    document,
    mapping,
    validation,
    expression,
    schema: schema as Record<string, unknown>,
    webhookNodeId: byType('webhook').id,
  };
}
