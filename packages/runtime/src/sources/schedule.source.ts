import { scheduleSource } from '@seam/flow';
import { sourceRunner } from '../nodes/node-runner.js';
import { sleep } from '../retry/retry-policy.js';

/** Emits the payload with `firedAt` every interval; with a count it is finite (and resumes its count after a crash). */
export const scheduleSourceRunner = sourceRunner(scheduleSource, (config) => ({
  finite: config.count !== undefined,
  start: async (ctx) => {
    let fired = (ctx.cursor as { next?: number } | undefined)?.next ?? 0;
    const payload = typeof config.payload === 'object' && config.payload !== null && !Array.isArray(config.payload) ? config.payload : { payload: config.payload };
    while (!ctx.signal.aborted && (config.count === undefined || fired < config.count)) {
      if (fired > 0) {
        try {
          await sleep(config.everyMs, ctx.signal);
        } catch {
          return;
        }
      }
      const n = fired++;
      await ctx.emit({ ...payload, firedAt: new Date().toISOString() }, { id: `${n}`, cursor: { next: fired } });
    }
  },
}));
