import { flowIdSchema } from '@seam/flow';
import { z } from 'zod';

/** `limit` and `cursor` of every paged list. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().min(1).max(500).optional(),
};

export const optionalFlowId = flowIdSchema.optional();

/** An opaque id from the runtime (run, message, dead letter) as it appears in a URL. */
export const opaqueId = z.string().min(1).max(200).regex(/^[\w.:-]+$/, 'must be an id as returned by the API');

/** The page options the runtime takes, without undefined members. */
export function pageOf(query: { readonly limit?: number; readonly cursor?: string }): { limit?: number; cursor?: string } {
  return {
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
  };
}

/** Drops undefined members: the runtime's filters treat a present key as a condition. */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
