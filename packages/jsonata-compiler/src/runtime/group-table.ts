import { groupKeyError } from './group-runtime.js';
import { pushAll } from './sequence.js';

/** Up to this many groups a key is found by a scan (cheaper than hashing); past it, through a Map. */
const SCAN_LIMIT = 8;

/**
 * The groups of an inlined single-pair group-by, in insertion order: per group its key and its items as
 * repeated `append`s would make them (the first item itself, from the second on one plain array, arrays
 * among the items spliced in). No object per group and no Map for the few groups a record usually has.
 */
export class GroupTable {
  readonly keys: string[] = [];
  /** Per group: its first item until a second arrives, then the list (`lists[i]` says which). */
  private readonly data: unknown[] = [];
  private readonly lists: boolean[] = [];
  private index: Map<string, number> | undefined = undefined;
  /** False once a key may be an array index: `Object.keys` order (the interpreter's) then differs. */
  private insertionOrder = true;

  /** Adds `item` to the group of `key` (a string), creating the group (D1013 for a reserved key). */
  add(key: string, item: unknown): void {
    const keys = this.keys;
    let at = -1;
    if (this.index !== undefined) {
      at = this.index.get(key) ?? -1;
    } else {
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] === key) {
          at = i;
          break;
        }
      }
    }
    if (at >= 0) {
      this.append(at, item);
      return;
    }
    if (key === '_jsonata_lambda' || key === '_jsonata_function') groupKeyError(key);
    const code = key.charCodeAt(0);
    if (code >= 48 && code <= 57) this.insertionOrder = false;
    keys.push(key);
    this.data.push(item);
    this.lists.push(false);
    if (this.index !== undefined) this.index.set(key, keys.length - 1);
    else if (keys.length > SCAN_LIMIT) this.index = new Map(keys.map((k, i) => [k, i]));
  }

  /** `appendToGroup` on group `at`. */
  private append(at: number, item: unknown): void {
    if (item === undefined) return;
    const data = this.data[at];
    if (this.lists[at] === true) {
      const list = data as unknown[];
      if (Array.isArray(item)) pushAll(list, item);
      else list.push(item);
    } else if (data === undefined) {
      this.data[at] = item;
    } else {
      const list = Array.isArray(data) ? data.slice() : [data];
      if (Array.isArray(item)) pushAll(list, item);
      else list.push(item);
      this.data[at] = list;
      this.lists[at] = true;
    }
  }

  /** The context group `at`'s value is evaluated in. */
  context(at: number): unknown {
    return this.data[at];
  }

  /**
   * The group indexes in the order `Object.keys` gives the keys of an object built from them (the order
   * values are evaluated in): undefined for insertion order, else array-index keys first, ascending.
   */
  order(): number[] | undefined {
    if (this.insertionOrder) return undefined;
    const position = Object.create(null) as Record<string, number>;
    this.keys.forEach((k, i) => {
      position[k] = i;
    });
    return Object.keys(position).map((k) => position[k] as number);
  }
}

/** Sets `key` on an object constructed by compiled code, as an own data property even for `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
