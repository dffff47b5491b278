import { local, type Emitter, type GenContext } from './emitter.js';

/**
 * Built-ins whose common case is one JS operation, generated inline behind a type test so that the call
 * costs no argument array and no shared (megamorphic) shortcut: `general(argList)` — the shortcut with the
 * full semantics — runs for every other argument. Undefined when `name` has no inline form for `args`.
 */
export function inlineNative(em: Emitter, ctx: GenContext, name: string, args: readonly string[], general: (argList: string) => string): string | undefined {
  if (name === 'round' && args.length === 2 && /^[0-9]$/.test(args[1] ?? '')) {
    // `$round(x, 2)`: a literal precision, a number rounded without an argument array (ties and other
    // cases `roundNumber` leaves undecided take the shortcut with the full semantics)
    const x = local(em, ctx, 'na');
    const r = local(em, ctx, 'rn');
    return `(${x} = ${args[0]}, typeof ${x} === 'number' && (${r} = rt.roundNumber(${x}, ${args[1]})) !== undefined ? ${r} : ${general(`[${x}, ${args[1]}]`)})`;
  }
  if (args.length !== 1) return undefined;
  const t = local(em, ctx, 'na');
  const slow = general(`[${t}]`);
  switch (name) {
    case 'lowercase':
      return `(${t} = ${args[0]}, typeof ${t} === 'string' ? ${t}.toLowerCase() : ${slow})`;
    case 'uppercase':
      return `(${t} = ${args[0]}, typeof ${t} === 'string' ? ${t}.toUpperCase() : ${slow})`;
    case 'string':
      // strings as they are, 32-bit integers as their digits (what the interpreter's JSON.stringify gives)
      return `(${t} = ${args[0]}, typeof ${t} === 'string' ? ${t} : typeof ${t} === 'number' && (${t} | 0) === ${t} ? '' + ${t} : ${slow})`;
    case 'sum':
    case 'average':
      // one finite number is its own aggregate (the signature makes it a one-item array); + 0 as the
      // interpreter's running total starting at 0 turns -0 into 0
      return `(${t} = ${args[0]}, typeof ${t} === 'number' && ${t} - ${t} === 0 ? ${t} + 0 : ${slow})`;
    case 'max':
    case 'min':
      return `(${t} = ${args[0]}, typeof ${t} === 'number' && ${t} - ${t} === 0 ? ${t} : ${slow})`;
    case 'count':
      return `(${t} = ${args[0]}, Array.isArray(${t}) ? ${t}.length : ${slow})`;
    case 'exists':
      return `(${args[0]} !== undefined)`;
    default:
      return undefined;
  }
}
