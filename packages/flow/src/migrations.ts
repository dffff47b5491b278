import { CURRENT_FORMAT_VERSION } from './flow-document.js';

type JsonObject = Record<string, unknown>;

/** Turns a document of format `from` into format `from + 1`. Works on plain JSON: no schema has run yet. */
export interface Migration {
  readonly from: number;
  readonly describe: string;
  readonly migrate: (doc: JsonObject) => JsonObject;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Ordered: migration i turns format i+1 into i+2. Append, never edit, so that any old file still loads.
 * Format 1 kept each node's position inside the node and named edge ends `source`/`target`.
 */
export const migrations: readonly Migration[] = [
  {
    from: 1,
    describe: 'move node positions into layout; rename edge source/target to from/to',
    migrate: (doc) => {
      const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
      const positions: Record<string, unknown> = {};
      const migratedNodes = nodes.map((node) => {
        if (!isObject(node)) return node;
        const { position, ...rest } = node;
        if (position !== undefined && typeof rest.id === 'string') positions[rest.id] = position;
        return rest;
      });
      const edges = Array.isArray(doc.edges) ? doc.edges : [];
      const migratedEdges = edges.map((edge) => {
        if (!isObject(edge)) return edge;
        const { source, target, sourcePort, targetPort, ...rest } = edge;
        return {
          ...rest,
          from: source,
          to: target,
          ...(sourcePort !== undefined && sourcePort !== 'out' ? { fromPort: sourcePort } : {}),
          ...(targetPort !== undefined && targetPort !== 'in' ? { toPort: targetPort } : {}),
        };
      });
      const { version: _version, ...rest } = doc;
      return { ...rest, formatVersion: 2, nodes: migratedNodes, edges: migratedEdges, layout: { nodes: positions } };
    },
  },
];

/** The format version a raw document declares; format 1 files used `version`. */
export function declaredFormatVersion(doc: JsonObject): unknown {
  return doc.formatVersion ?? doc.version;
}

export type MigrationResult =
  | { ok: true; doc: JsonObject; migratedFrom?: number }
  | { ok: false; message: string };

/** Brings a raw document up to the current format through every migration after its version. */
export function migrateToCurrent(doc: JsonObject, chain: readonly Migration[] = migrations, current = CURRENT_FORMAT_VERSION): MigrationResult {
  const declared = declaredFormatVersion(doc);
  if (declared === undefined) return { ok: false, message: `formatVersion is missing: add "formatVersion": ${current}` };
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    return { ok: false, message: `formatVersion must be a whole number such as ${current}, not ${JSON.stringify(declared)}` };
  }
  if (declared > current) {
    return { ok: false, message: `formatVersion ${declared} is newer than this Seam understands (${current}): upgrade Seam` };
  }
  let version = declared;
  let migrated = doc;
  while (version < current) {
    const step = chain.find((m) => m.from === version);
    if (!step) return { ok: false, message: `no migration from format ${version}: this file cannot be read` };
    migrated = step.migrate(migrated);
    version += 1;
  }
  return declared === current ? { ok: true, doc: migrated } : { ok: true, doc: migrated, migratedFrom: declared };
}
