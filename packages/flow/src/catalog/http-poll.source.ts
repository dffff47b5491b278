import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { jsonataSyntaxError, describeJsonataError } from '../jsonata-check.js';
import { problem, type Problem } from '../problem.js';
import { headers, httpUrl, milliseconds } from './common.js';

const config = z.strictObject({
  url: httpUrl,
  intervalMs: milliseconds(100, 24 * 60 * 60 * 1000).default(60_000),
  headers: headers.default({}),
  timeoutMs: milliseconds(100, 300_000).default(10_000),
  /** JSONata evaluated on each response body giving the messages, e.g. `items`. Empty: the body is one message. */
  items: z.string().default(''),
  cursor: z
    .strictObject({
      /** Query parameter that carries the cursor, e.g. `since`. */
      param: z.string().min(1),
      /** JSONata evaluated on the last page's body (or on the last item, with `fromItem`) giving the next cursor. */
      next: z.string().min(1),
      fromItem: z.boolean().default(false),
      initial: z.string().default(''),
    })
    .optional(),
  /** JSONata evaluated on each response body giving the next page's URL; pagination stops when it is empty. */
  nextLink: z.string().default(''),
  maxPages: z.number().int().min(1).max(10_000).default(100),
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
