import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { describeJsonataError, jsonataSyntaxError } from '../jsonata-check.js';
import { problem } from '../problem.js';
import { milliseconds } from './common.js';

export const jsonataTransform = defineNode({
  type: 'jsonata',
  kind: 'transform',
  title: 'JSONata mapping',
  icon: 'ƒ',
  summary: 'Reshapes each message with a JSONata expression.',
  doc:
    'Evaluates a JSONata expression with the message as input; the result becomes the message. This is where ' +
    'an external model is translated into yours. Evaluation is bounded in time and depth: a runaway expression ' +
    'dead-letters the message with a transform error instead of stalling the flow. A result of nothing (undefined) ' +
    'is a transform error too, so a mapping that silently matches nothing is noticed.',
  ports: { inputs: ['in'], outputs: ['out'] },
  config: z.strictObject({
    expression: z.string().min(1, 'must not be empty: write the mapping, `$` passes the message through').describe('The JSONata mapping; its result becomes the message.'),
    timeoutMs: milliseconds(1, 60_000).default(1_000).describe('Longest evaluation allowed per message, in milliseconds.'),
    maxDepth: z.number().int().min(10).max(10_000).default(500).describe('Deepest recursion allowed.'),
    /** `compiled` runs the expression as generated JavaScript where possible; `interpreter` forces the jsonata library. */
    engine: z.enum(['compiled', 'interpreter']).default('compiled').describe('compiled: generated JavaScript where possible; interpreter: always the jsonata library.'),
  }),
  defaults: { expression: '$' },
  lint: (c) => {
    const error = jsonataSyntaxError(c.expression);
    return error ? [problem(['expression'], 'jsonata-syntax', `JSONata does not parse ${describeJsonataError(error)}`)] : [];
  },
});
