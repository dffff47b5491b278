import { logSink } from '@seam/flow';
import { stepRunner } from './node-runner.js';

export const logSinkRunner = stepRunner(logSink, (config, env) => ({
  local: true,
  run: (input, ctx) => {
    env.log[config.level]({ flowId: env.flowId, nodeId: env.nodeId, messageId: ctx.messageId, message: input }, 'message');
  },
}));
