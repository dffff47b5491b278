import { z } from 'zod';

/** A file path inside the flow's folder (sources) or the data directory (sinks): relative, never escaping it. */
export const relativePath = z
  .string()
  .min(1, 'must not be empty')
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p), 'must be a relative path, not an absolute one')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'must not contain ".." (files stay inside their folder)');

export const httpUrl = z
  .string()
  .min(1, 'must not be empty')
  .refine((u) => /^https?:\/\/[^\s]+$/.test(u), 'must be an http:// or https:// URL');

export const headers = z.record(z.string(), z.string());

export const milliseconds = (min: number, max: number) => z.number().int().min(min).max(max);
