import { formatPath, type JsonPath } from '@seam/flow';
import type { NodeProblem } from '../editor/flow-problems';

/** Sets (or, with undefined, removes) a key of an object without mutating it: unset fields fall back to defaults. */
export function withKey(object: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  const { [key]: _old, ...rest } = object;
  return value === undefined ? rest : { ...rest, [key]: value };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Problems keyed by their path inside the config (`$.breaker.coolDownMs`), for inline errors under each field. */
export function errorsByConfigPath(problems: readonly NodeProblem[] | undefined): ReadonlyMap<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems ?? []) {
    if (!p.configPath) continue;
    const key = formatPath(p.configPath);
    map.set(key, [...(map.get(key) ?? []), p.message]);
  }
  return map;
}

export function pathKey(path: JsonPath): string {
  return formatPath(path);
}
