import { FlowError, jsonataTransform } from '@seam/flow';
import { compileJsonata } from '../jsonata-evaluator.js';
import { stepRunner } from './node-runner.js';

/** Evaluates the mapping (compiled once, bounded in time and depth); nothing as a result is a transform error. */
export const jsonataRunner = stepRunner(jsonataTransform, (config, env) => {
  const evaluate = compileJsonata(config.expression, { timeoutMs: config.timeoutMs, maxDepth: config.maxDepth });
  return {
    run: async (input) => {
      const output = await evaluate(input);
      if (output === undefined) {
        throw new FlowError(`the mapping of "${env.nodeId}" produced nothing for this message (no field it refers to was found)`, { errorClass: 'transform' });
      }
      return output;
    },
  };
});
