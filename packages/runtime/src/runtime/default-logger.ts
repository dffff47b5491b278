import { pino } from 'pino';
import type { RuntimeLogger } from '../runtime-api.js';

/** JSON lines to stderr at info (stdout stays free for a CLI's own output). */
export function defaultLogger(): RuntimeLogger {
  return pino({ level: process.env.SEAM_LOG_LEVEL ?? 'info', base: undefined }, pino.destination(2));
}
