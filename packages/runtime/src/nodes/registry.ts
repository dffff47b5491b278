import { FlowError } from '@seam/flow';
import type { RegisteredRunner } from './node-runner.js';
import { retryRunner } from './retry.node.js';
import { jsonataRunner } from './jsonata.transform.js';
import { jsonSchemaRunner } from './json-schema.validate.js';
import { httpSinkRunner } from './http.sink.js';
import { fileAppendRunner } from './file-append.sink.js';
import { sqliteSinkRunner } from './sqlite.sink.js';
import { logSinkRunner } from './log.sink.js';
import { webhookSourceRunner } from '../sources/webhook.source.js';
import { httpPollSourceRunner } from '../sources/http-poll.source.js';
import { fileSourceRunner } from '../sources/file.source.js';
import { inlineSourceRunner } from '../sources/inline.source.js';
import { scheduleSourceRunner } from '../sources/schedule.source.js';

/** One implementation per catalog type. Adding a node type: a catalog definition in @seam/flow and a runner here. */
const runners: readonly RegisteredRunner[] = [
  webhookSourceRunner,
  httpPollSourceRunner,
  fileSourceRunner,
  inlineSourceRunner,
  scheduleSourceRunner,
  jsonataRunner,
  jsonSchemaRunner,
  retryRunner,
  httpSinkRunner,
  fileAppendRunner,
  sqliteSinkRunner,
  logSinkRunner,
];

const byType = new Map(runners.map((r) => [r.type, r]));

export function runnerFor(type: string): RegisteredRunner {
  const runner = byType.get(type);
  if (!runner) throw new FlowError(`the runtime has no implementation for node type "${type}"`, { errorClass: 'config' });
  return runner;
}

export const implementedTypes = (): string[] => [...byType.keys()];
