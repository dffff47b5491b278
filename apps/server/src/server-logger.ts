import { pino, type Logger } from 'pino';

/** The server's logger: pino, JSON lines. The runtime gets a child of it. */
export type ServerLogger = Logger;

/** JSON lines to stderr (stdout stays for what the user must read, like the login link); level from SEAM_LOG_LEVEL. */
export function createServerLogger(level = process.env.SEAM_LOG_LEVEL ?? 'info'): ServerLogger {
  return pino({ level, base: { app: 'seam-server' } }, pino.destination(2));
}
