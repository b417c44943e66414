/**
 * The registry of a generated module's top-level identifiers (ajv's
 * `lib/compile/names.ts`, per module): every identifier a module declares or
 * imports is taken here first, so that two declarations can never get one
 * name, whatever order the emitter builds them in. A name is taken before the
 * code that uses it is built, so code built while building another (a helper
 * for a collection of collections) gets a name of its own.
 */
import { identifier } from './escape.js';

export interface ModuleScope {
  /** Takes a name the emitter chose; a second take of the same name is a generator bug and throws. */
  readonly take: (name: string) => string;
  /** The first of `prefix1`, `prefix2`, … that is free, taken. */
  readonly fresh: (prefix: string) => string;
  readonly has: (name: string) => boolean;
}

export function moduleScope(): ModuleScope {
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  const take = (name: string): string => {
    if (taken.has(name)) throw new Error(`internal: the identifier ${name} is declared twice in one module`);
    taken.add(identifier(name));
    return name;
  };
  const fresh = (prefix: string): string => {
    let n = counters.get(prefix) ?? 1;
    while (taken.has(`${prefix}${n}`)) n++;
    counters.set(prefix, n + 1);
    return take(`${prefix}${n}`);
  };
  return { take, fresh, has: (name) => taken.has(name) };
}
