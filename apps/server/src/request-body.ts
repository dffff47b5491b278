import type { Request } from 'express';
import { z } from 'zod';

/** Parses a request part with a zod schema; a ZodError goes to the error middleware, which answers 400 with every path. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(value);
}

/** The JSON body, or undefined when the request had none (express.json leaves `req.body` undefined then). */
export function bodyOf(req: Request): unknown {
  return req.body;
}

/** The `If-Match` header as sent (the repository strips quotes and `W/`), or undefined when absent or blank. */
export function ifMatchOf(req: Request): string | undefined {
  const header = req.get('if-match');
  return header === undefined || header.trim() === '' ? undefined : header;
}
