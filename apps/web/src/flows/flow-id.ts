import { flowIdSchema } from '@seam/flow';

/** A flow id derived from a display name: "Orders to CRM" → "orders-to-crm". */
export function slugify(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return /^[a-z]/.test(slug) ? slug : `flow-${slug || 'new'}`.replace(/-$/, '');
}

/** Why an id is not acceptable, from the flow document schema; undefined when it is fine. */
export function flowIdError(id: string): string | undefined {
  const result = flowIdSchema.safeParse(id);
  return result.success ? undefined : `The id ${result.error.issues[0]?.message ?? 'is not valid'}.`;
}

/** A copy's id that does not clash: orders, orders-copy, orders-copy-2, … */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  const base = `${id}-copy`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
