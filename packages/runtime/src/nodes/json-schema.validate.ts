import { createAjv, jsonSchemaValidate } from '@seam/flow';
import { DetailedFlowError, stackless } from '../failure.js';
import { compileCoercions } from './coercions.js';
import { stepRunner } from './node-runner.js';

const MAX_LISTED_ERRORS = 20;

/** Applies the declared coercions (each firing is drift), then checks the message against the compiled schema. */
export const jsonSchemaRunner = stepRunner(jsonSchemaValidate, (config, env) => {
  // One ajv per node: compiled once per deploy, and a schema's $id never clashes with a previous deploy's.
  const validate = createAjv().compile(config.schema);
  const coerce = config.coercions.length ? compileCoercions(config.coercions) : undefined;
  return {
    local: true,
    run: (input, ctx) => {
      const message = coerce ? coerce(input, ctx.drift) : input;
      if (validate(message)) return message;
      const errors = (validate.errors ?? []).slice(0, MAX_LISTED_ERRORS).map((e) => ({
        path: e.instancePath || '/',
        schemaPath: e.schemaPath,
        message: e.message ?? e.keyword,
      }));
      const summary = errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ');
      throw stackless(() => new DetailedFlowError(`message does not match the schema of "${env.nodeId}": ${summary}`, 'validation', { errors }));
    },
  };
});
