import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { jsonataSyntaxError, describeJsonataError } from '../jsonata-check.js';
import { problem, type Problem } from '../problem.js';
import { headers, httpUrl, milliseconds } from './common.js';

const config = z.strictObject({
  url: httpUrl.describe('The URL to GET; secret references are allowed in it.'),
  intervalMs: milliseconds(100, 24 * 60 * 60 * 1000).default(60_000).describe('Time between polls, in milliseconds.'),
  headers: headers.default({}).describe('Request headers; credentials only as secret references such as "Bearer {{secret.API_TOKEN}}".'),
  timeoutMs: milliseconds(100, 300_000).default(10_000).describe('How long one request may take, in milliseconds.'),
  /** JSONata evaluated on each response body giving the messages, e.g. `items`. Empty: the body is one message. */
  items: z.string().default('').describe('JSONata picking the messages out of each response body, e.g. `items`; empty: the whole body is one message.'),
  cursor: z
    .strictObject({
      /** Query parameter that carries the cursor, e.g. `since`. */
      param: z.string().min(1).describe('Query parameter that carries the cursor, e.g. `since`.'),
      /** JSONata evaluated on the last page's body (or on the last item, with `fromItem`) giving the next cursor. */
      next: z.string().min(1).describe('JSONata giving the next cursor, evaluated on the last page body (or on the last item with fromItem).'),
      fromItem: z.boolean().default(false).describe('Evaluate `next` on the last item instead of the page body.'),
      initial: z.string().default('').describe('Cursor for the very first poll; empty: no parameter is sent.'),
    })
    .optional()
    .describe('Ask only for what is new since the last poll; the cursor survives restarts.'),
  /** JSONata evaluated on each response body giving the next page's URL; pagination stops when it is empty. */
  nextLink: z.string().default('').describe('JSONata giving the next page URL from a response body; pagination stops when it gives nothing.'),
  maxPages: z.number().int().min(1).max(10_000).default(100).describe('Most pages followed in one poll.'),
});

export const httpPollSource = defineNode({
  type: 'http-poll',
  kind: 'source',
  title: 'HTTP poll',
  icon: '⟳',
  summary: 'GETs an API on an interval, following a cursor and next-page links.',
  doc:
    'Calls the URL with GET every interval. The items expression picks the messages out of each response; ' +
    'a next-link expression follows pagination; a cursor (for example ?since=<last updatedAt>) makes each poll ' +
    'ask only for what is new. The cursor is stored with the flow state so a restart does not fetch everything again.',
  ports: { inputs: [], outputs: ['out'] },
  config,
  defaults: { url: 'https://', intervalMs: 60_000 },
  lint: (c) => {
    const problems: Problem[] = [];
    const check = (expression: string, path: (string | number)[]) => {
      if (!expression) return;
      const error = jsonataSyntaxError(expression);
      if (error) problems.push(problem(path, 'jsonata-syntax', `JSONata does not parse ${describeJsonataError(error)}`));
    };
    check(c.items, ['items']);
    check(c.nextLink, ['nextLink']);
    if (c.cursor) check(c.cursor.next, ['cursor', 'next']);
    return problems;
  },
});
