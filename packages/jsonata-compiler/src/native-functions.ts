import jsonata from 'jsonata';

/** A parsed jsonata function signature (`<s-n?:s>`): validates and fixes up an argument list. */
export interface NativeSignature {
  validate(args: unknown[], context: unknown): unknown[];
}

/** A built-in function definition exactly as the interpreter stores it in its environment. */
export interface NativeFunction {
  _jsonata_function: true;
  implementation: (...args: unknown[]) => unknown;
  signature?: NativeSignature;
}

/** Names of the interpreter's built-ins, looked up once from its static environment. */
const BUILTIN_NAMES = [
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter',
  'lowercase', 'uppercase', 'length', 'trim', 'pad', 'match', 'contains', 'replace', 'split', 'join',
  'formatNumber', 'formatBase', 'formatInteger', 'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs',
  'sqrt', 'power', 'random', 'boolean', 'not', 'map', 'zip', 'filter', 'single', 'reduce', 'sift', 'keys',
  'lookup', 'append', 'exists', 'spread', 'merge', 'reverse', 'each', 'error', 'assert', 'type', 'sort',
  'shuffle', 'distinct', 'base64encode', 'base64decode', 'encodeUrlComponent', 'encodeUrl',
  'decodeUrlComponent', 'decodeUrl', 'eval', 'toMillis', 'fromMillis', 'clone', 'now', 'millis',
] as const;

interface LookupEnvironment {
  lookup(name: string): unknown;
}

function isNativeFunction(value: unknown): value is NativeFunction {
  return typeof value === 'object' && value !== null && (value as { _jsonata_function?: unknown })._jsonata_function === true;
}

/**
 * Reads the built-in definitions out of a jsonata instance. The package exposes no API for them, but its
 * evaluate-entry hook receives the environment synchronously, before the first `await`. Reusing the
 * interpreter's own implementations and signature validators keeps results and error codes identical.
 */
function captureNativeFunctions(): ReadonlyMap<string, NativeFunction> {
  const probe = jsonata('0');
  let environment: LookupEnvironment | undefined;
  // The d.ts types `assign` with a string name; the interpreter also accepts these symbol hooks.
  const hook = Symbol.for('jsonata.__evaluate_entry') as unknown as string;
  probe.assign(hook, (_expr: unknown, _input: unknown, env: LookupEnvironment) => {
    environment ??= env;
  });
  void probe.evaluate(undefined).catch(() => undefined);
  const found = new Map<string, NativeFunction>();
  if (environment === undefined) return found;
  for (const name of BUILTIN_NAMES) {
    const value = environment.lookup(name);
    if (isNativeFunction(value)) found.set(name, value);
  }
  return found;
}

/** The interpreter's built-in functions by name (without the `$`). */
export const nativeFunctions: ReadonlyMap<string, NativeFunction> = captureNativeFunctions();

/**
 * False if this jsonata version did not yield every built-in (its internals changed): then nothing is
 * compiled and every expression runs on the interpreter.
 */
export const nativesComplete: boolean = BUILTIN_NAMES.every((name) => nativeFunctions.has(name));

/** Parses a signature string with the interpreter's own signature parser (via a throwaway lambda). */
export function nativeSignatureOf(name: string): NativeSignature | undefined {
  return nativeFunctions.get(name)?.signature;
}
