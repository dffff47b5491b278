import { inlineSource } from '@seam/flow';
import { sourceRunner } from '../nodes/node-runner.js';

/** Emits the messages written in the flow, in order, once per run (a resumed run continues after the last stored). */
export const inlineSourceRunner = sourceRunner(inlineSource, (config) => ({
  finite: true,
  start: async (ctx) => {
    const skip = (ctx.cursor as { next?: number } | undefined)?.next ?? 0;
    for (let i = skip; i < config.messages.length && !ctx.signal.aborted; i++) {
      await ctx.emit(config.messages[i], { id: `${i}`, cursor: { next: i + 1 } });
    }
  },
}));
