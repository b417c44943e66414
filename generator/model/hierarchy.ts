/**
 * Inheritance queries over a linked model: an object's base chain, its
 * effective properties (inherited ones included, derived ones overriding),
 * whether it is open, and the types deriving from it. Emitters ask these
 * questions here rather than walking `baseId` themselves. Answers are
 * computed once per declaration and kept; the model is not changed.
 *
 * Linking breaks base cycles, but the walks stop at a repeated id anyway, so
 * that a model built by hand cannot make them loop.
 */
import type { Declaration, Model, ObjectDeclaration, Property } from './ir.js';
import { compareCodeUnits } from '../order.js';

export interface Hierarchy {
  readonly byId: ReadonlyMap<string, Declaration>;
  /** The object's base type, when it has one that is an object of the model. */
  readonly base: (id: string) => ObjectDeclaration | undefined;
  /** The object and its bases, base-most first; empty for an id that is not an object. */
  readonly chain: (id: string) => readonly ObjectDeclaration[];
  /** Properties the object has through its base chain, base-first, a derived type's property replacing an inherited one of the same name in place. */
  readonly effectiveProperties: (id: string) => readonly Property[];
  /** Open when the type or any of its bases is open. */
  readonly isOpen: (id: string) => boolean;
  /** The object types deriving from it, directly or not, sorted by id. */
  readonly descendants: (id: string) => readonly ObjectDeclaration[];
  /** The object types whose base it is, sorted by id. */
  readonly children: (id: string) => readonly ObjectDeclaration[];
}

function memo<T>(compute: (id: string) => T): (id: string) => T {
  const cache = new Map<string, T>();
  return (id) => {
    if (cache.has(id)) return cache.get(id) as T;
    const value = compute(id);
    cache.set(id, value);
    return value;
  };
}

export function hierarchy(model: Pick<Model, 'declarations'>): Hierarchy {
  const byId: ReadonlyMap<string, Declaration> = new Map(model.declarations.map((d) => [d.id, d]));
  const object = (id: string | undefined) => {
    const declaration = id === undefined ? undefined : byId.get(id);
    return declaration?.kind === 'object' ? declaration : undefined;
  };
  const base = (id: string) => object(object(id)?.baseId);

  const chain = memo((id: string): readonly ObjectDeclaration[] => {
    const result: ObjectDeclaration[] = [];
    const seen = new Set<string>();
    for (let current = object(id); current !== undefined && !seen.has(current.id); current = object(current.baseId)) {
      seen.add(current.id);
      result.unshift(current);
    }
    return result;
  });

  const effectiveProperties = memo((id: string): readonly Property[] => {
    const byName = new Map<string, Property>();
    for (const link of chain(id)) for (const property of link.properties) byName.set(property.name, property);
    return [...byName.values()];
  });

  const isOpen = memo((id: string): boolean => chain(id).some((link) => link.open));

  const childrenById = new Map<string, ObjectDeclaration[]>();
  for (const declaration of [...byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id))) {
    const parent = declaration.kind === 'object' ? object(declaration.baseId) : undefined;
    if (declaration.kind !== 'object' || parent === undefined || parent.id === declaration.id) continue;
    const list = childrenById.get(parent.id) ?? [];
    list.push(declaration);
    childrenById.set(parent.id, list);
  }
  const children = (id: string): readonly ObjectDeclaration[] => childrenById.get(id) ?? [];

  const descendants = memo((id: string): readonly ObjectDeclaration[] => {
    const found = new Map<string, ObjectDeclaration>();
    const pending = [...children(id)];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (found.has(next.id) || next.id === id) continue;
      found.set(next.id, next);
      pending.push(...children(next.id));
    }
    return [...found.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  });

  return { byId, base, chain, effectiveProperties, isOpen, descendants, children };
}
