import jsonata from 'jsonata';
import type { NativeSignature } from '../native-functions.js';
import { lambda, type CompiledLambda } from './call-runtime.js';
import { jsonataError } from './jsonata-error.js';
import { stringOf } from './native-runtime.js';

/** The signature the interpreter gives transformers (`<(oa):o>`), parsed by the interpreter itself. */
const TRANSFORMER_SIGNATURE = (jsonata('function($o)<(oa):o>{$o}').ast() as { signature?: NativeSignature }).signature;

const isArrayOfStrings = (value: unknown[]): boolean => value.every((v) => typeof v === 'string');

/**
 * `| pattern | update, delete |`: a function that returns an updated deep copy of its argument
 * (`evaluateTransformExpression`). `pattern`, `update` and `remove` are the compiled clauses.
 */
export function transformer(
  pattern: (copy: unknown) => unknown,
  update: (match: unknown) => unknown,
  remove: ((match: unknown) => unknown) | undefined,
): CompiledLambda {
  return lambda((obj: unknown) => {
    if (obj === undefined) return undefined;
    const result: unknown = JSON.parse(stringOf(obj));
    let matches = pattern(result);
    if (matches === undefined) return result;
    if (!Array.isArray(matches)) matches = [matches];
    for (const match of matches as unknown[]) {
      const changes = update(match);
      if (changes !== undefined) {
        if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) throw jsonataError('T2011', { value: changes });
        for (const key of Object.keys(changes)) (match as Record<string, unknown>)[key] = (changes as Record<string, unknown>)[key];
      }
      if (remove === undefined) continue;
      const deletions = remove(match);
      if (deletions === undefined) continue;
      const list = Array.isArray(deletions) ? deletions : [deletions];
      if (!isArrayOfStrings(list)) throw jsonataError('T2012', { value: deletions });
      for (const key of list as string[]) {
        if (typeof match === 'object' && match !== null) delete (match as Record<string, unknown>)[key];
      }
    }
    return result;
  }, TRANSFORMER_SIGNATURE);
}
