import { nodeCatalog, type NodeDefinition } from '@seam/flow';
import { z } from 'zod';

/** A node type as the designer receives it: the catalog entry with its config schema as JSON Schema (draft 2020-12). */
export interface CatalogEntry {
  readonly type: string;
  readonly kind: string;
  readonly title: string;
  readonly icon: string;
  readonly summary: string;
  readonly doc: string;
  readonly ports: NodeDefinition['ports'];
  readonly defaults: unknown;
  readonly configSchema: unknown;
}

/** `io: 'input'` describes what a user may write (fields with defaults are optional), not what the runtime sees. */
export function catalogJson(catalog: readonly NodeDefinition[] = nodeCatalog): CatalogEntry[] {
  return catalog.map((d) => ({
    type: d.type,
    kind: d.kind,
    title: d.title,
    icon: d.icon,
    summary: d.summary,
    doc: d.doc,
    ports: d.ports,
    defaults: d.defaults,
    configSchema: z.toJSONSchema(d.config, { io: 'input', unrepresentable: 'any' }),
  }));
}
