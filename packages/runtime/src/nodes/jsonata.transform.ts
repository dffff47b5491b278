import { FlowError, jsonataTransform } from '@seam/flow';
import { stackless } from '../failure.js';
import { compileJsonata } from '../jsonata-evaluator.js';
import { stepRunner } from './node-runner.js';

/** Evaluates the mapping (compiled once, bounded in time and depth); nothing as a result is a transform error. */
export const jsonataRunner = stepRunner(jsonataTransform, (config, env) => {
  const evaluate = compileJsonata(config.expression, { timeoutMs: config.timeoutMs, maxDepth: config.maxDepth, engine: config.engine });
  const check = (output: unknown) => {
    if (output === undefined) {
      throw stackless(() => new FlowError(`the mapping of "${env.nodeId}" produced nothing for this message (no field it refers to was found)`, { errorClass: 'transform' }));
    }
    return output;
  };
  return {
    local: true,
    // A compiled expression answers synchronously: no Promise per message unless the interpreter runs it.
    run: (input) => {
      const output = evaluate(input);
      return output instanceof Promise ? output.then(check) : check(output);
    },
  };
});
