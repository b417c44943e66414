/**
 * Compares two models (OLD and NEW) and returns plain records: API changes,
 * each classified by one named rule of rules.ts, and doc edits, each with the
 * reason it is not evidence of an API change. Reads the model only.
 *
 * What is compared is what a client sees: a type's effective properties (its
 * own and those it inherits), so a property that moves between a type and
 * its base is no change. A change is reported once, on the type that declares
 * it: a property added to a base type is reported on the base, not on every
 * derived type. Ids compare case-insensitively (the docs spell
 * `microsoft.graph.callRecords` both ways); instance annotations (`@…`
 * names in a properties table) are control information and not compared.
 */
import type { Declaration, EnumDeclaration, Model, ObjectDeclaration, Origin, Property, TypeExpr } from '../model/ir.js';
import { isNullable } from '../emit/policy.js';
import { defaultEmitOptions } from '../options.js';
import { compareCodeUnits } from '../order.js';
import { rules, type ChangeKind, type DocEditReason, type Impact, type RuleName } from './rules.js';

interface Difference {
  readonly kind: ChangeKind;
  /** Declaration id: NEW's, or OLD's for a removal. */
  readonly type: string;
  readonly property?: string;
  readonly member?: string;
  readonly before: string | null;
  readonly after: string | null;
  /** Where NEW says it (OLD for a removal): the file relative to that side's specs folder. */
  readonly source: { readonly file: string; readonly line: number };
}

export interface Change extends Difference {
  readonly read: Impact;
  readonly write: Impact;
  readonly rule: RuleName;
}

export interface DocEdit extends Difference {
  readonly reason: DocEditReason;
}

export interface ModelDiff {
  readonly changes: readonly Change[];
  readonly docEdits: readonly DocEdit[];
  /** Namespaces that hold declarations on one side only. */
  readonly namespaces: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

type Fields = Omit<Difference, 'kind'>;

const key = (id: string) => id.toLowerCase();
const isAnnotation = (property: Property) => property.name.includes('@');
const at = (origin: Origin) => ({ file: origin.file, line: origin.line });

const depth = (type: TypeExpr): number => (type.kind === 'collection' ? 1 + depth(type.element) : 0);
const elementOf = (type: TypeExpr): TypeExpr => (type.kind === 'collection' ? elementOf(type.element) : type);
const isString = (type: TypeExpr) => type.kind === 'primitive' && type.name === 'String';

/** Lookups over one model. */
class Side {
  private readonly byKey = new Map<string, Declaration>();
  /** Lower-cased last segments of the types Type cells name but no page defines. */
  readonly undefinedNames = new Set<string>();
  /** Lower-cased ids of the declarations some property is of. */
  readonly used = new Set<string>();

  constructor(model: Model) {
    for (const declaration of model.declarations) {
      this.byKey.set(key(declaration.id), declaration);
      if (declaration.kind !== 'object') continue;
      for (const property of declaration.properties) {
        const element = elementOf(property.type);
        if (element.kind === 'unknown') this.undefinedNames.add(key(element.written.slice(element.written.lastIndexOf('.') + 1)));
        if (element.kind === 'ref') this.used.add(key(element.id));
      }
    }
  }

  get(id: string | undefined): Declaration | undefined {
    return id === undefined ? undefined : this.byKey.get(key(id));
  }

  private object(id: string | undefined): ObjectDeclaration | undefined {
    const declaration = this.get(id);
    return declaration?.kind === 'object' ? declaration : undefined;
  }

  /** The type and its bases, nearest first, without repeats. */
  ancestry(id: string): ObjectDeclaration[] {
    const chain: ObjectDeclaration[] = [];
    const seen = new Set<string>();
    for (let current = this.object(id); current && !seen.has(key(current.id)); current = this.object(current.baseId)) {
      seen.add(key(current.id));
      chain.push(current);
    }
    return chain;
  }

  derivesFrom(id: string, ancestor: string): boolean {
    return this.ancestry(id).slice(1).some((o) => key(o.id) === key(ancestor));
  }

  /** Own and inherited properties by name; an own property hides an inherited one of the same name. */
  effective(id: string): Map<string, { readonly property: Property; readonly owner: ObjectDeclaration }> {
    const properties = new Map<string, { property: Property; owner: ObjectDeclaration }>();
    for (const owner of this.ancestry(id)) {
      for (const property of owner.properties) if (!isAnnotation(property) && !properties.has(property.name)) properties.set(property.name, { property, owner });
    }
    return properties;
  }
}

/**
 * How a property's type reads in a report, as a client sees it under the
 * default policy (emit/policy.ts): `String | null`, `microsoft.graph.user[]`,
 * `"a" | "b" | String` (an open union).
 */
export function typeText(property: Property): string {
  const known = property.knownValues && property.knownValues.length > 0 ? `${property.knownValues.map((v) => JSON.stringify(v)).join(' | ')} | ` : '';
  return `${known}${exprText(property.type)}${isNullable(property, defaultEmitOptions) ? ' | null' : ''}`;
}

function exprText(type: TypeExpr): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'ref':
      return type.id;
    case 'collection':
      return `${exprText(type.element)}[]`;
    case 'unknown':
      return `unknown (${JSON.stringify(type.written)})`;
  }
}

/**
 * The JSON values an Edm primitive admits, as a family and a rank within it:
 * a higher rank admits every value of a lower one. Formatted strings (Guid,
 * DateTimeOffset, Binary, …) rank 0 in the string family, below String and
 * beside each other.
 */
const primitiveOrder: Readonly<Record<string, readonly [family: string, rank: number]>> = {
  Boolean: ['boolean', 0],
  SByte: ['number', 0],
  Byte: ['number', 0],
  Int16: ['number', 1],
  Int32: ['number', 2],
  Int64: ['number', 3],
  Single: ['number', 4],
  Double: ['number', 5],
  Decimal: ['number', 6],
  String: ['string', 1],
};

function primitiveRule(before: string, after: string): RuleName | undefined {
  if (before === after) return undefined;
  const [beforeFamily, beforeRank] = primitiveOrder[before] ?? ['string', 0];
  const [afterFamily, afterRank] = primitiveOrder[after] ?? ['string', 0];
  // Different families, or the same rank with other values (SByte and Byte, Guid and Date).
  if (beforeFamily !== afterFamily || beforeRank === afterRank) return 'primitive-changed';
  return afterRank > beforeRank ? 'primitive-widened' : 'primitive-narrowed';
}

type Verdict = { readonly rule: RuleName } | { readonly reason: DocEditReason } | undefined;

export function compareModels(oldModel: Model, newModel: Model): ModelDiff {
  const before = new Side(oldModel);
  const after = new Side(newModel);
  const changes: Change[] = [];
  const docEdits: DocEdit[] = [];
  const change = (rule: RuleName, fields: Fields) => {
    const { kind, read, write } = rules[rule];
    changes.push({ kind, ...fields, read, write, rule });
  };
  /** `kind`: the change it would otherwise have been. */
  const edit = (kind: ChangeKind, reason: DocEditReason, fields: Fields) => docEdits.push({ kind, ...fields, reason });

  // 1. Pair declarations by id; what is left unpaired on both sides under one name moved to another namespace.
  const pairs: [Declaration, Declaration][] = [];
  const removed: Declaration[] = [];
  const added: Declaration[] = [];
  for (const declaration of oldModel.declarations) {
    const match = after.get(declaration.id);
    if (match?.kind === declaration.kind) pairs.push([declaration, match]);
    else removed.push(declaration);
  }
  for (const declaration of newModel.declarations) {
    if (before.get(declaration.id)?.kind !== declaration.kind) added.push(declaration);
  }
  const groupByName = (list: readonly Declaration[]) => {
    const groups = new Map<string, Declaration[]>();
    for (const d of list) groups.set(`${d.kind} ${key(d.name)}`, [...(groups.get(`${d.kind} ${key(d.name)}`) ?? []), d]);
    return groups;
  };
  const addedByName = groupByName(added);
  const moved = new Set<Declaration>();
  for (const [name, olds] of groupByName(removed)) {
    const news = addedByName.get(name) ?? [];
    const [o] = olds;
    const [n] = news;
    if (olds.length !== 1 || news.length !== 1 || !o || !n) continue;
    moved.add(o).add(n);
    pairs.push([o, n]);
    change('moved-namespace', { type: n.id, before: o.namespace, after: n.namespace, source: at(n.origin) });
  }
  const addedIds = new Set(added.filter((d) => !moved.has(d)).map((d) => key(d.id)));
  const removedIds = new Set(removed.filter((d) => !moved.has(d)).map((d) => key(d.id)));
  /** Added (removed) declarations that a property both sides have is now (was) of: they existed all along. */
  const documented = new Set<string>();
  const undocumented = new Set<string>();

  // 2. Paired declarations.
  for (const [o, n] of pairs) {
    if (o.kind === 'object' && n.kind === 'object') compareObjects(o, n);
    else if (o.kind === 'enum' && n.kind === 'enum') compareEnums(o, n);
  }

  // 3. Declarations on one side only.
  for (const o of removed) {
    if (moved.has(o)) continue;
    const fields = { type: o.id, before: o.id, after: null, source: at(o.origin) };
    const kind = o.kind === 'object' ? 'type-removed' : 'enum-removed';
    if (undocumented.has(key(o.id))) edit(kind, 'type-documented', fields);
    else if (after.undefinedNames.has(key(o.name))) edit(kind, 'page-only-named', fields);
    else if (o.kind === 'enum' && !before.used.has(key(o.id))) edit(kind, 'enum-unused', fields);
    else change(o.kind === 'object' ? 'removed-type' : 'removed-enum', fields);
  }
  for (const n of added) {
    if (moved.has(n)) continue;
    const fields = { type: n.id, before: null, after: n.id, source: at(n.origin) };
    const kind = n.kind === 'object' ? 'type-added' : 'enum-added';
    if (documented.has(key(n.id))) edit(kind, 'type-documented', fields);
    else if (before.undefinedNames.has(key(n.name))) edit(kind, 'page-only-named', fields);
    else if (n.kind === 'enum' && !after.used.has(key(n.id))) edit(kind, 'enum-unused', fields);
    else change(n.kind === 'object' ? 'added-type' : 'added-enum', fields);
  }

  function compareObjects(o: ObjectDeclaration, n: ObjectDeclaration): void {
    const typeFields = { type: n.id, source: at(n.origin) };
    if (o.open !== n.open) change(n.open ? 'became-open' : 'became-closed', { ...typeFields, before: o.open ? 'open' : 'closed', after: n.open ? 'open' : 'closed' });
    if (o.baseId !== undefined && n.baseId !== undefined && key(o.baseId) !== key(n.baseId)) {
      change(after.derivesFrom(n.baseId, o.baseId) ? 'base-extended' : 'base-replaced', { ...typeFields, before: o.baseId, after: n.baseId });
    } else if ((o.baseId === undefined) !== (n.baseId === undefined)) {
      edit('base-type-changed', 'base-stated-one-side', { ...typeFields, before: o.baseId ?? null, after: n.baseId ?? null });
    }

    const oldProperties = before.effective(o.id);
    const newProperties = after.effective(n.id);
    // A change belongs to the type that declares the property on the side where it is.
    const ownOld = (name: string) => oldProperties.get(name)?.owner === o;
    const ownNew = (name: string) => newProperties.get(name)?.owner === n;
    const gone = [...oldProperties.keys()].filter((name) => !newProperties.has(name));
    const fresh = [...newProperties.keys()].filter((name) => !oldProperties.has(name));
    const renamed = caseRenames(gone, fresh);

    for (const name of gone) {
      const property = oldProperties.get(name)?.property;
      if (!property || renamed.has(name) || !ownOld(name)) continue;
      change('removed-property', { type: n.id, property: name, before: typeText(property), after: null, source: at(property.origin) });
    }
    const renamedTo = new Set(renamed.values());
    for (const name of fresh) {
      const property = newProperties.get(name)?.property;
      if (!property || renamedTo.has(name) || !ownNew(name)) continue;
      change(property.facets.required === true ? 'added-required-property' : 'added-property', { type: n.id, property: name, before: null, after: typeText(property), source: at(property.origin) });
    }
    const common: [string, string][] = [...oldProperties.keys()].filter((name) => newProperties.has(name)).map((name) => [name, name]);
    for (const [oldName, newName] of [...common, ...renamed]) {
      const oldProperty = oldProperties.get(oldName)?.property;
      const newProperty = newProperties.get(newName)?.property;
      if (!oldProperty || !newProperty || (!ownOld(oldName) && !ownNew(newName))) continue;
      if (oldName !== newName) change('renamed-property-case', { type: n.id, property: newName, before: oldName, after: newName, source: at(newProperty.origin) });
      compareProperty(n, oldProperty, newProperty);
    }
  }

  function compareProperty(owner: ObjectDeclaration, o: Property, n: Property): void {
    const fields = { type: owner.id, property: n.name, before: typeText(o), after: typeText(n), source: at(n.origin) };
    const typeVerdict = propertyTypeVerdict(o, n);
    if (typeVerdict && 'reason' in typeVerdict) edit('property-type-changed', typeVerdict.reason, fields);
    else if (typeVerdict) change(typeVerdict.rule, fields);
    // Only what both sides state counts: "Not nullable" appearing where the docs said nothing is a doc edit.
    const oldNullable = o.facets.nullable;
    const newNullable = n.facets.nullable;
    if (oldNullable !== undefined && newNullable !== undefined && oldNullable !== newNullable) change(newNullable ? 'became-nullable' : 'became-not-nullable', fields);
    else if ((oldNullable === false) !== (newNullable === false)) edit('property-nullability-changed', 'facet-stated-one-side', fields);
    const readOnlyFields = { ...fields, before: o.facets.readOnly ? 'read-only' : 'writable', after: n.facets.readOnly ? 'read-only' : 'writable' };
    if (o.facets.readOnly !== undefined && n.facets.readOnly !== undefined && o.facets.readOnly !== n.facets.readOnly) change(n.facets.readOnly ? 'became-read-only' : 'became-writable', readOnlyFields);
    else if ((o.facets.readOnly === true) !== (n.facets.readOnly === true)) edit('property-readonly-changed', 'facet-stated-one-side', readOnlyFields);
  }

  function propertyTypeVerdict(o: Property, n: Property): Verdict {
    const oldElement = elementOf(o.type);
    const newElement = elementOf(n.type);
    if (oldElement.kind === 'unknown' || newElement.kind === 'unknown') {
      if (oldElement.kind === 'unknown' && newElement.kind === 'ref' && addedIds.has(key(newElement.id))) documented.add(key(newElement.id));
      if (newElement.kind === 'unknown' && oldElement.kind === 'ref' && removedIds.has(key(oldElement.id))) undocumented.add(key(oldElement.id));
      return JSON.stringify(o.type) === JSON.stringify(n.type) ? undefined : { reason: 'type-cell-unreadable' };
    }
    if (depth(o.type) !== depth(n.type)) return { rule: 'collection-changed' };
    if (oldElement.kind === 'primitive' && newElement.kind === 'primitive') {
      const rule = primitiveRule(oldElement.name, newElement.name);
      if (rule || oldElement.name !== 'String') return rule && { rule };
      const oldValues = o.knownValues ?? [];
      const newValues = n.knownValues ?? [];
      if ((oldValues.length === 0) !== (newValues.length === 0)) return { reason: 'values-listed-one-side' };
      if (oldValues.some((v) => !newValues.includes(v))) return { rule: 'known-value-removed' };
      if (newValues.some((v) => !oldValues.includes(v))) return { rule: 'known-value-added' };
      return undefined;
    }
    if (oldElement.kind === 'ref' && newElement.kind === 'ref') {
      if (key(oldElement.id) === key(newElement.id)) return undefined;
      if (before.get(oldElement.id)?.kind === 'object' && after.get(newElement.id)?.kind === 'object') {
        if (after.derivesFrom(newElement.id, oldElement.id)) return { rule: 'type-specialized' };
        if (after.derivesFrom(oldElement.id, newElement.id) || before.derivesFrom(oldElement.id, newElement.id)) return { rule: 'type-generalized' };
      }
      return { rule: 'type-replaced' };
    }
    // String ↔ enum: the same JSON on the wire. An enum only one side's docs define is the docs naming the values.
    if (isString(oldElement) && newElement.kind === 'ref' && after.get(newElement.id)?.kind === 'enum') {
      if (!addedIds.has(key(newElement.id))) return { rule: 'string-to-enum' };
      documented.add(key(newElement.id));
      return { reason: 'enum-documented' };
    }
    if (isString(newElement) && oldElement.kind === 'ref' && before.get(oldElement.id)?.kind === 'enum') {
      if (!removedIds.has(key(oldElement.id))) return { rule: 'enum-to-string' };
      undocumented.add(key(oldElement.id));
      return { reason: 'enum-documented' };
    }
    return { rule: 'type-replaced' };
  }

  function compareEnums(o: EnumDeclaration, n: EnumDeclaration): void {
    const oldNames = new Set(o.members.map((m) => m.name));
    const newNames = new Set(n.members.map((m) => m.name));
    const gone = o.members.filter((m) => !newNames.has(m.name));
    const fresh = n.members.filter((m) => !oldNames.has(m.name));
    const renamed = caseRenames(
      gone.map((m) => m.name),
      fresh.map((m) => m.name),
    );
    const renamedTo = new Map([...renamed].map(([from, to]) => [to, from]));
    // Graph's evolvable enums: members added after `unknownFutureValue` reach only clients that ask for them.
    const evolvable = o.members.some((m) => key(m.name) === 'unknownfuturevalue');
    for (const member of gone) {
      if (!renamed.has(member.name)) change('removed-member', { type: n.id, member: member.name, before: member.name, after: null, source: at(member.origin) });
    }
    for (const member of fresh) {
      const from = renamedTo.get(member.name);
      const fields = { type: n.id, member: member.name, before: from ?? null, after: member.name, source: at(member.origin) };
      change(from !== undefined ? 'renamed-member-case' : evolvable ? 'added-member-evolvable' : 'added-member', fields);
    }
  }

  const namespacesOf = (model: Model) => new Map(model.declarations.map((d) => [key(d.namespace), d.namespace]));
  const oldNamespaces = namespacesOf(oldModel);
  const newNamespaces = namespacesOf(newModel);
  return {
    changes: sortDifferences(changes),
    docEdits: sortDifferences(docEdits),
    namespaces: {
      added: [...newNamespaces].filter(([k]) => !oldNamespaces.has(k)).map(([, ns]) => ns).sort(compareCodeUnits),
      removed: [...oldNamespaces].filter(([k]) => !newNamespaces.has(k)).map(([, ns]) => ns).sort(compareCodeUnits),
    },
  };
}

/** Names on each side that differ only in case, one on each side: old name → new name. */
function caseRenames(gone: readonly string[], fresh: readonly string[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const name of gone) {
    const matches = fresh.filter((other) => key(other) === key(name));
    const twins = gone.filter((other) => key(other) === key(name));
    if (matches.length === 1 && twins.length === 1 && matches[0] !== undefined) renamed.set(name, matches[0]);
  }
  return renamed;
}

/** Stable order: by type id, then type-level records before those on a property or member, then by name and kind. */
function sortDifferences<T extends Difference>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      compareCodeUnits(a.type, b.type) ||
      compareCodeUnits(a.property ?? a.member ?? '', b.property ?? b.member ?? '') ||
      compareCodeUnits(a.kind, b.kind) ||
      compareCodeUnits(JSON.stringify(a), JSON.stringify(b)),
  );
}
