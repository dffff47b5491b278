import { flowIdSchema } from '@seam/flow';
import { badRequest } from './http-error.js';

/**
 * Checks an id taken from a URL before it names a file. The id grammar (a letter, then letters, digits, - and _)
 * leaves no room for `/`, `\`, `.` or `%`, so `../x`, `..%2Fx` (Express decodes params) and absolute paths fail here.
 */
export function parseFlowId(raw: unknown, what = 'flow id'): string {
  const parsed = flowIdSchema.safeParse(raw);
  if (!parsed.success) {
    const shown = typeof raw === 'string' ? JSON.stringify(raw.slice(0, 80)) : String(raw);
    throw badRequest(`${shown} is not a valid ${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
