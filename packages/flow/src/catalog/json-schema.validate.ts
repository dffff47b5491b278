import { z } from 'zod';
import { defineNode } from '../node-definition.js';
import { jsonSchemaFaults } from '../json-schema-check.js';
import { problem } from '../problem.js';

/** What a tolerant field accepts and normalises to. */
export const coercionKinds = ['date-time', 'number', 'string', 'boolean'] as const;

export const jsonSchemaValidate = defineNode({
  type: 'json-schema',
  kind: 'validate',
  title: 'JSON Schema check',
  icon: '✓',
  summary: 'Checks each message against a JSON Schema (2020-12); tolerates declared drift.',
  doc:
    'Checks each message against a JSON Schema (draft 2020-12, formats on). A message that fails goes to the ' +
    'dead-letter table with every failing schema path. Coercions make a field tolerant: a date-time field accepts ' +
    'ISO-8601, Unix seconds or Unix milliseconds and is normalised to ISO-8601; a number field accepts numeric ' +
    'strings. Each coercion that fires is recorded as a drift event, so format changes upstream are seen early ' +
    'instead of breaking the flow.',
  ports: { inputs: ['in'], outputs: ['out'] },
  config: z.strictObject({
    schema: z.record(z.string(), z.unknown()).describe('The JSON Schema (draft 2020-12) each message must satisfy.'),
    coercions: z
      .array(
        z.strictObject({
          /** JSON Pointer to the field, e.g. `/issuedAt` or `/lines/*\/amount` (`*` matches every array item). */
          pointer: z.string().regex(/^(\/[^/]*)+$/, 'must be a JSON Pointer such as /issuedAt').describe('JSON Pointer to the field; `*` matches every array item, e.g. `/lines/*/amount`.'),
          as: z.enum(coercionKinds).describe('What the field is normalised to.'),
        }),
      )
      .default([])
      .describe('Fields that tolerate drift: accepted in other shapes, normalised, recorded as drift events.'),
  }),
  defaults: { schema: { type: 'object' } },
  lint: (c) =>
    jsonSchemaFaults(c.schema).map((f) => problem(['schema', ...f.path], 'invalid-json-schema', `the JSON Schema is invalid here: ${f.message}`)),
});
