import type { NodeDefinition, NodeKind } from './node-definition.js';
import { webhookSource } from './catalog/webhook.source.js';
import { httpPollSource } from './catalog/http-poll.source.js';
import { fileSource } from './catalog/file.source.js';
import { inlineSource } from './catalog/inline.source.js';
import { scheduleSource } from './catalog/schedule.source.js';
import { jsonataTransform } from './catalog/jsonata.transform.js';
import { jsonSchemaValidate } from './catalog/json-schema.validate.js';
import { retryPolicy } from './catalog/retry.js';
import { httpSink } from './catalog/http.sink.js';
import { fileSink } from './catalog/file.sink.js';
import { sqliteSink } from './catalog/sqlite.sink.js';
import { logSink } from './catalog/log.sink.js';

/** Every node type Seam knows, in palette order. */
export const nodeCatalog: readonly NodeDefinition[] = [
  webhookSource,
  httpPollSource,
  fileSource,
  inlineSource,
  scheduleSource,
  jsonataTransform,
  jsonSchemaValidate,
  retryPolicy,
  httpSink,
  fileSink,
  sqliteSink,
  logSink,
];

const byType = new Map(nodeCatalog.map((d) => [d.type, d]));

export function nodeDefinition(type: string): NodeDefinition | undefined {
  return byType.get(type);
}

export const nodeKinds: readonly NodeKind[] = ['source', 'transform', 'validate', 'retry', 'sink'];

export {
  webhookSource, httpPollSource, fileSource, inlineSource, scheduleSource, jsonataTransform,
  jsonSchemaValidate, retryPolicy, httpSink, fileSink, sqliteSink, logSink,
};
