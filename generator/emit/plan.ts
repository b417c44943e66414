/**
 * The validation plan: what a valid value of each declaration is, as plain
 * data built once from the model and the emit options. The validators and the
 * JSON Schema are both emitted from it, so they cannot disagree on a rule:
 * inherited properties (`model/hierarchy.ts`), nullability and the JSON shape
 * of Edm primitives (`policy.ts`), enum members, the types `@odata.type` may
 * name, open or closed, and where each rule was documented.
 */
import type { Origin } from '../diagnostics.js';
import { hierarchy } from '../model/hierarchy.js';
import type { Declaration, EdmPrimitive, Model, ObjectDeclaration, Property, TypeExpr } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import type { PrimitiveCode } from '../runtime/validation.js';
import { compareCodeUnits } from '../order.js';
import { isNullable } from './policy.js';

export type PlanType =
  /** `code` is how the validators name it: the Edm name, or Int64 as mapped (`Int64String`, `Int64Either`). */
  | { readonly kind: 'primitive'; readonly edm: EdmPrimitive; readonly code: PrimitiveCode }
  | { readonly kind: 'ref'; readonly id: string; readonly target: 'object' | 'enum' }
  | { readonly kind: 'collection'; readonly element: PlanType }
  /** Anything: a type the docs name but the model could not resolve. */
  | { readonly kind: 'any' };

export interface PlanProperty {
  readonly name: string;
  readonly type: PlanType;
  readonly nullable: boolean;
  readonly description: string;
  readonly origin: Origin;
}

export interface ObjectPlan {
  readonly kind: 'object';
  readonly id: string;
  readonly namespace: string;
  /** The name as the docs write it. */
  readonly name: string;
  readonly description: string;
  readonly origin: Origin;
  readonly baseId?: string;
  /** Open, or deriving from an open type. */
  readonly open: boolean;
  /** Stands for any JSON value but null (Graph's `Json`, when nothing derives from it). */
  readonly json: boolean;
  /** Every property, inherited ones included, base-first. */
  readonly properties: readonly PlanProperty[];
  /** The properties the type documents itself (those of its table; the rest come from its base's). */
  readonly ownProperties: readonly PlanProperty[];
  /**
   * Whether its check can first run its base's and then test only the
   * properties it adds: true when it has a base and redocuments no inherited
   * property with another rule.
   */
  readonly extendsBase: boolean;
  /** What its own check tests: the added properties when it extends its base, else every property. */
  readonly checkedProperties: readonly PlanProperty[];
  /** Object types whose base it is, sorted by id. */
  readonly children: readonly string[];
  /** Object types deriving from it, directly or not, sorted by id: the types `@odata.type` may name. */
  readonly descendants: readonly string[];
}

export interface EnumPlan {
  readonly kind: 'enum';
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly description: string;
  readonly origin: Origin;
  readonly members: readonly string[];
  readonly flags: boolean;
}

export type DeclarationPlan = ObjectPlan | EnumPlan;

export interface ValidationPlan {
  /** Sorted by id, as the model's declarations. */
  readonly declarations: readonly DeclarationPlan[];
  readonly byId: ReadonlyMap<string, DeclarationPlan>;
}

/**
 * Types that stand for any JSON value: Graph's `Json` ("data returned in JSON
 * format") carries Excel ranges' values and formulas as arrays, strings and
 * numbers. Its TypeScript type, an empty interface, admits any value but
 * null and undefined, and so do its validators and schema.
 */
export const untypedJsonTypes: ReadonlySet<string> = new Set(['microsoft.graph.Json']);

/** The spellings of a type name `@odata.type` may carry. */
export function odataTypeNames(id: string): [string, string] {
  return [`#${id}`, id];
}

function primitiveCode(name: EdmPrimitive, options: EmitOptions): PrimitiveCode {
  if (name !== 'Int64') return name;
  if (options.int64Mapping === 'string') return 'Int64String';
  if (options.int64Mapping === 'number-or-string') return 'Int64Either';
  return name;
}

/** A stable text for a plan type, to compare rules and to key helpers. */
export function planTypeKey(type: PlanType): string {
  switch (type.kind) {
    case 'primitive':
      return type.code;
    case 'ref':
      return `ref:${type.id}`;
    case 'collection':
      return `[${planTypeKey(type.element)}]`;
    case 'any':
      return 'any';
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled plan type ${JSON.stringify(never)}`);
    }
  }
}

export function validationPlan(model: Pick<Model, 'declarations'>, options: EmitOptions): ValidationPlan {
  const tree = hierarchy(model);
  const typeOf = (type: TypeExpr): PlanType => {
    switch (type.kind) {
      case 'primitive':
        return { kind: 'primitive', edm: type.name, code: primitiveCode(type.name, options) };
      case 'ref': {
        const target = tree.byId.get(type.id);
        return target ? { kind: 'ref', id: target.id, target: target.kind } : { kind: 'any' };
      }
      case 'collection':
        return { kind: 'collection', element: typeOf(type.element) };
      case 'unknown':
        return { kind: 'any' };
      default: {
        const never: never = type;
        throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
      }
    }
  };
  const planned = new Map<Property, PlanProperty>();
  const property = (p: Property): PlanProperty => {
    let result = planned.get(p);
    if (result === undefined) {
      result = { name: p.name, type: typeOf(p.type), nullable: isNullable(p, options), description: p.description, origin: p.origin };
      planned.set(p, result);
    }
    return result;
  };
  const sameRule = (a: PlanProperty, b: PlanProperty) => a.nullable === b.nullable && planTypeKey(a.type) === planTypeKey(b.type);

  const objectPlan = (declaration: ObjectDeclaration): ObjectPlan => {
    const properties = tree.effectiveProperties(declaration.id).map(property);
    const ownProperties = declaration.properties.map(property);
    const base = tree.base(declaration.id);
    const inherited = new Map((base ? tree.effectiveProperties(base.id) : []).map((p) => [p.name, property(p)]));
    const extendsBase = base !== undefined && ownProperties.every((p) => !inherited.has(p.name) || sameRule(p, inherited.get(p.name) as PlanProperty));
    const descendants = tree.descendants(declaration.id).map((d) => d.id);
    return {
      kind: 'object',
      id: declaration.id,
      namespace: declaration.namespace,
      name: declaration.name,
      description: declaration.description,
      origin: declaration.origin,
      ...(base ? { baseId: base.id } : {}),
      open: tree.isOpen(declaration.id),
      json: untypedJsonTypes.has(declaration.id) && descendants.length === 0,
      properties,
      ownProperties,
      extendsBase,
      checkedProperties: extendsBase ? ownProperties.filter((p) => !inherited.has(p.name)) : properties,
      children: tree.children(declaration.id).map((d) => d.id),
      descendants,
    };
  };
  const plan = (declaration: Declaration): DeclarationPlan =>
    declaration.kind === 'object'
      ? objectPlan(declaration)
      : {
          kind: 'enum',
          id: declaration.id,
          namespace: declaration.namespace,
          name: declaration.name,
          description: declaration.description,
          origin: declaration.origin,
          members: declaration.members.map((m) => m.name),
          flags: declaration.flags,
        };
  const declarations = [...model.declarations].sort((a, b) => compareCodeUnits(a.id, b.id)).map(plan);
  return { declarations, byId: new Map(declarations.map((d) => [d.id, d])) };
}
