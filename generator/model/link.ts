/**
 * Link: all pages' facts → one model. Registers declarations (first page in
 * path order wins a duplicate), resolves links, anchors and names to
 * declaration ids, adds prose enums no page defines, resolves base types and
 * breaks inheritance cycles.
 */
import { posix } from 'node:path';
import { primitiveNamed } from './written-type.js';
import { diagnostic, type Diagnostic, type Origin } from '../diagnostics.js';
import type { Declaration, EnumDeclaration, Model, ObjectDeclaration, PageFacts, Property, TypeExpr, UnlinkedObject, UnlinkedProperty, WrittenBase, WrittenType } from './ir.js';
import type { QuirkFiring, QuirkName } from './quirks.js';
import { compareCodeUnits } from '../order.js';

export interface Linked {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** The quirk rules that fired while linking, and on which page. */
  readonly firings: readonly QuirkFiring[];
}


/** Lookup tables over every declaration, built once. */
class Index {
  readonly byId = new Map<string, Declaration>();
  private readonly byLowerId = new Map<string, string>();
  private readonly byLowerName = new Map<string, string[]>();
  /** Lower-cased page path → id of the page's main declaration. */
  private readonly mainByFile = new Map<string, string>();
  /** Lower-cased file name (no directory) → page paths. */
  private readonly filesByBasename = new Map<string, string[]>();
  /** Lower-cased page path → anchor slug → enum id. */
  private readonly anchorsByFile = new Map<string, Map<string, string>>();

  /**
   * Adds a declaration, or replaces one already added under the same id.
   * `mergedInto` names the declaration a later page's type was merged into:
   * only that page's links (main type, anchors) are recorded, pointing at it.
   */
  add(declaration: Declaration, file: string, mergedInto?: string): void {
    const id = mergedInto ?? declaration.id;
    if (mergedInto === undefined) {
      if (!this.byId.has(id)) {
        this.byLowerId.set(id.toLowerCase(), id);
        const lowerName = declaration.name.toLowerCase();
        this.byLowerName.set(lowerName, [...(this.byLowerName.get(lowerName) ?? []), id]);
      }
      this.byId.set(id, declaration);
    }
    const lowerFile = file.toLowerCase();
    // A page's main declaration is its object type, else the first enum it defines in a table.
    if (declaration.kind === 'object' || (declaration.source === 'table' && !this.mainByFile.has(lowerFile))) this.mainByFile.set(lowerFile, id);
    if (declaration.kind === 'enum') {
      const lowerName = declaration.name.toLowerCase();
      const anchors = this.anchorsByFile.get(lowerFile) ?? new Map<string, string>();
      anchors.set(`${lowerName}-values`, id);
      anchors.set(lowerName, id);
      this.anchorsByFile.set(lowerFile, anchors);
    }
  }

  addFile(file: string): void {
    const base = posix.basename(file).toLowerCase();
    const files = this.filesByBasename.get(base) ?? [];
    files.push(file.toLowerCase());
    this.filesByBasename.set(base, files);
  }

  /** A name, qualified or not; prefers the given namespace, then microsoft.graph, then the first id in code-unit order. */
  byName(written: string, namespace: string): string | undefined {
    const clean = written.replace(/^#/, '').trim();
    const exact = this.byLowerId.get(clean.toLowerCase());
    if (exact) return exact;
    const dot = clean.lastIndexOf('.');
    const local = dot >= 0 ? clean.slice(dot + 1) : clean;
    const candidates = this.byLowerName.get(local.toLowerCase());
    if (!candidates || candidates.length === 0) return undefined;
    if (dot >= 0) {
      // A qualified name whose namespace matches no declaration: only accept a unique match.
      return candidates.length === 1 ? candidates[0] : undefined;
    }
    const sorted = [...candidates].sort(compareCodeUnits);
    return sorted.find((id) => this.byId.get(id)?.namespace === namespace) ?? sorted.find((id) => this.byId.get(id)?.namespace === 'microsoft.graph') ?? sorted[0];
  }

  anchor(file: string, slug: string): string | undefined {
    return this.anchorsByFile.get(file.toLowerCase())?.get(slug.toLowerCase());
  }

  /** A link's target page: its path relative to the linking page, else the unique page with that file name. */
  page(fromFile: string, url: string): string | undefined {
    const path = (url.split('#')[0] ?? '').replace(/\\/g, '/');
    if (path === '' || /^[a-z]+:/i.test(path) || path.startsWith('/')) return undefined;
    const resolved = posix.normalize(posix.join(posix.dirname(fromFile), decodePath(path))).toLowerCase();
    if (this.mainByFile.has(resolved) || this.anchorsByFile.has(resolved)) return resolved;
    const sameName = this.filesByBasename.get(posix.basename(resolved)) ?? [];
    return sameName.length === 1 ? sameName[0] : undefined;
  }

  mainOf(file: string): string | undefined {
    return this.mainByFile.get(file.toLowerCase());
  }

  /** Page (and page#anchor) → declaration id, for links in descriptions; keys in code-unit order, no prototype. */
  linkTargets(): Record<string, string> {
    const entries: [string, string][] = [...this.mainByFile];
    for (const [file, anchors] of this.anchorsByFile) for (const [slug, id] of anchors) entries.push([`${file}#${slug}`, id]);
    const targets: Record<string, string> = Object.create(null);
    for (const [key, id] of entries.sort(([a], [b]) => compareCodeUnits(a, b))) targets[key] = id;
    return targets;
  }
}

/** Percent-decodes a link path; a malformed escape ("%.md") is kept as written. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

interface Resolution {
  readonly type: TypeExpr;
  readonly problem?: { readonly code: 'unknown-type' | 'unresolved-link' | 'alternative-types' | 'link-text-conflict' | 'link-text-mismatch'; readonly written: string };
  /** The quirk rule the resolution needed. */
  readonly quirk?: QuirkName;
}

/** Link text that reads as one type name ("identityUserFlow"), as opposed to prose ("the user's photo"). */
const typeNameText = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The nearest type every one of the given object ids is or derives from. */
type CommonBase = (ids: readonly string[]) => string | undefined;

function resolve(index: Index, written: WrittenType, file: string, namespace: string, commonBase: CommonBase = () => undefined, propertyName?: string): Resolution {
  switch (written.kind) {
    case 'primitive':
      return { type: written };
    case 'collection': {
      const element = resolve(index, written.element, file, namespace, commonBase, propertyName);
      return { ...element, type: { kind: 'collection', element: element.type } };
    }
    case 'name': {
      const id = index.byName(written.name, namespace);
      return id ? { type: { kind: 'ref', id } } : { type: { kind: 'unknown', written: written.name }, problem: { code: 'unknown-type', written: written.name } };
    }
    case 'anchor': {
      const id = index.anchor(file, written.slug) ?? index.byName(written.text, namespace);
      return id ? { type: { kind: 'ref', id } } : { type: { kind: 'unknown', written: written.text }, problem: { code: 'unresolved-link', written: `#${written.slug}` } };
    }
    case 'link': {
      const page = index.page(file, written.url);
      const anchor = written.url.split('#')[1];
      const main = page ? index.mainOf(page) : undefined;
      // "[DateTimeOffset](timestamp.md)": link text naming an Edm primitive means the primitive, unless the page defines a type of that name.
      const primitive = primitiveNamed(written.text);
      if (primitive && (!main || index.byId.get(main)?.name.toLowerCase() !== written.text.trim().toLowerCase())) {
        return { type: { kind: 'primitive', name: primitive }, quirk: 'primitive-link-text' };
      }
      // The target page's own type wins (file names do not say type names); the link text is the fallback when the page is not in the doc set.
      const textId = index.byName(written.text.replace(/\s+collection$/i, ''), namespace);
      const anchored = page && anchor ? index.anchor(page, anchor) : undefined;
      // "[invitationParticipantInfo](participantinfo.md)": text naming another type than the page, and not just the property's own name, wins.
      if (!anchored && main && textId && textId !== main && written.text.trim().toLowerCase() !== propertyName?.toLowerCase()) {
        return { type: { kind: 'ref', id: textId }, problem: { code: 'link-text-conflict', written: `${written.text}" but links to the page of "${index.byId.get(main)?.name ?? main}` }, quirk: 'link-text-names-type' };
      }
      // "[identityUserFlow](identityuserflow.md)" where that page declares "UserFlow" and no page "identityUserFlow": the page wins, with a warning.
      const mainName = main ? index.byId.get(main)?.name : undefined;
      const text = written.text.trim();
      if (!anchored && mainName && !textId && typeNameText.test(text) && text.toLowerCase() !== mainName.toLowerCase() && text.toLowerCase() !== propertyName?.toLowerCase()) {
        return { type: { kind: 'ref', id: main ?? '' }, problem: { code: 'link-text-mismatch', written: `${text}", but the page it links to declares "${mainName}` } };
      }
      const id = anchored ?? main ?? textId;
      return id ? { type: { kind: 'ref', id } } : { type: { kind: 'unknown', written: written.text }, problem: { code: 'unresolved-link', written: written.url } };
    }
    case 'oneOf': {
      const resolved = written.options.map((option) => resolve(index, option, file, namespace, commonBase, propertyName));
      const ids = resolved.map((r) => (r.type.kind === 'ref' ? r.type.id : undefined));
      const first = resolved[0] ?? { type: { kind: 'unknown', written: '' } };
      if (ids.some((id) => id === undefined)) return first;
      const base = commonBase(ids as string[]);
      const names = (ids as string[]).join(', ');
      return base ? { type: { kind: 'ref', id: base }, quirk: 'alternatives-common-base' } : { type: first.type, problem: { code: 'alternative-types', written: names } };
    }
    case 'unreadable':
      return { type: { kind: 'unknown', written: written.written }, problem: written.written === '' ? undefined : { code: 'unknown-type', written: written.written } } as Resolution;
  }
}

function report(diagnostics: Diagnostic[], problem: Resolution['problem'], at: Origin): void {
  if (problem) diagnostics.push(diagnostic(problem.code, at, problem.written));
}

/**
 * Namespaces that differ only in case (`microsoft.graph.termStore` on eight
 * pages, `microsoft.graph.termstore` on one) are one namespace: they would
 * otherwise become two modules whose file names clash on case-insensitive file
 * systems. The spelling most declarations use wins (ties: code-unit order);
 * each page that spells it otherwise gets a warning.
 */
function mergeNamespaceCase(pages: readonly PageFacts[], diagnostics: Diagnostic[]): PageFacts[] {
  const uses = new Map<string, Map<string, number>>();
  for (const page of pages) {
    for (const declaration of [...page.objects, ...page.enums, ...page.proseEnums]) {
      const spellings = uses.get(declaration.namespace.toLowerCase()) ?? new Map<string, number>();
      spellings.set(declaration.namespace, (spellings.get(declaration.namespace) ?? 0) + (declaration.kind === 'enum' && declaration.source === 'prose' ? 0 : 1));
      uses.set(declaration.namespace.toLowerCase(), spellings);
    }
  }
  const canonical = new Map<string, string>();
  for (const [lower, spellings] of uses) {
    if (spellings.size < 2) continue;
    const [kept] = [...spellings.entries()].sort(([a, x], [b, y]) => y - x || compareCodeUnits(a, b))[0] ?? [lower];
    canonical.set(lower, kept);
  }
  if (canonical.size === 0) return [...pages];
  const respell = <D extends { readonly namespace: string; readonly name: string; readonly id: string }>(declaration: D): D => {
    const kept = canonical.get(declaration.namespace.toLowerCase());
    return kept === undefined || kept === declaration.namespace ? declaration : { ...declaration, namespace: kept, id: `${kept}.${declaration.name}` };
  };
  return pages.map((page) => {
    const declarations = [...page.objects, ...page.enums, ...page.proseEnums];
    const reported = new Set<string>();
    for (const declaration of declarations) {
      const kept = canonical.get(declaration.namespace.toLowerCase());
      if (kept === undefined || kept === declaration.namespace || reported.has(declaration.namespace)) continue;
      reported.add(declaration.namespace);
      diagnostics.push(diagnostic('namespace-case-conflict', declaration.origin, declaration.namespace, kept));
    }
    if (reported.size === 0) return page;
    const namespace = canonical.get(page.namespace.toLowerCase()) ?? page.namespace;
    return { ...page, namespace, objects: page.objects.map(respell), enums: page.enums.map(respell), proseEnums: page.proseEnums.map(respell) };
  });
}

export function linkPages(pages: readonly PageFacts[]): Linked {
  const diagnostics: Diagnostic[] = [];
  const firings: QuirkFiring[] = [];
  const fire = (rule: QuirkName, file: string) => firings.push({ rule, file });
  const index = new Index();
  const sortedPages = mergeNamespaceCase([...pages].sort((a, b) => compareCodeUnits(a.file, b.file)), diagnostics);
  for (const d of diagnostics) fire('namespace-case', d.file);

  // 1. Register every declaration. A type declared on several pages is merged into the first page's
  //    declaration (Intune splits deviceManagement over 16 pages); an enum and an object of one name clash.
  const objectsById = new Map<string, UnlinkedObject>();
  const enumsById = new Map<string, EnumDeclaration>();
  const clash = (declaration: Declaration | UnlinkedObject, other: { origin: Origin }): void => {
    diagnostics.push(diagnostic('duplicate-type', declaration.origin, declaration.id, other.origin.file));
  };
  for (const page of sortedPages) {
    index.addFile(page.file);
    for (const object of page.objects) {
      const key = object.id.toLowerCase();
      const first = objectsById.get(key);
      const otherEnum = enumsById.get(key);
      if (otherEnum) clash(object, otherEnum);
      else if (first) {
        // The page named after the type (user.md for user) leads; otherwise the first in path order.
        const [lead, other] = isNamedAfter(object) && !isNamedAfter(first) ? [object, first] : [first, object];
        objectsById.set(key, mergeObjects(lead, other, diagnostics));
        fire('type-split-over-pages', lead.origin.file);
        fire('type-split-over-pages', other.origin.file);
        index.add(placeholder(lead), lead.origin.file);
        index.add(placeholder(other), other.origin.file, lead.id);
      } else {
        objectsById.set(key, object);
        index.add(placeholder(object), page.file);
      }
    }
    for (const declaration of page.enums) {
      const key = declaration.id.toLowerCase();
      const first = enumsById.get(key);
      const otherObject = objectsById.get(key);
      if (otherObject) clash(declaration, otherObject);
      else if (first) {
        const merged = mergeEnums(first, declaration, diagnostics);
        enumsById.set(key, merged);
        fire('enum-defined-twice', first.origin.file);
        fire('enum-defined-twice', page.file);
        index.add(merged, first.origin.file);
        index.add(declaration, page.file, first.id);
      } else {
        enumsById.set(key, declaration);
        index.add(declaration, page.file);
      }
    }
  }
  // 2. Prose enums fill in names no page defines; the first in path order wins.
  for (const page of sortedPages) {
    for (const declaration of page.proseEnums) {
      if (index.byName(declaration.name, declaration.namespace) !== undefined) continue;
      index.add(declaration, page.file);
      fire('prose-enum', page.file);
    }
  }

  // 3. Base types, then cycles.
  const baseIds = chooseBases(index, objectsById, diagnostics, fire);
  breakCycles(baseIds, objectsById, diagnostics);

  // 4. Properties. A property only the JSON representation lists is dropped when the type inherits it.
  const declaredNames = new Map([...objectsById.values()].map((o) => [o.id, new Set(o.properties.filter((p) => p.source === 'table').map((p) => p.name))]));
  const inherits = (id: string, name: string): boolean => {
    for (let base = baseIds.get(id), steps = 0; base !== undefined && steps < 10_000; base = baseIds.get(base), steps++) {
      if (declaredNames.get(base)?.has(name)) return true;
    }
    return false;
  };
  const ancestry = (id: string): string[] => {
    const chain: string[] = [];
    for (let current: string | undefined = id; current !== undefined && !chain.includes(current); current = baseIds.get(current)) chain.push(current);
    return chain;
  };
  const commonBase: CommonBase = (ids) => {
    const [first, ...rest] = ids.map(ancestry);
    return first?.find((candidate) => rest.every((chain) => chain.includes(candidate)));
  };
  for (const object of objectsById.values()) {
    const properties: Property[] = [];
    for (const property of object.properties) {
      if (property.source === 'json') {
        // An open type's JSON representation shows example dynamic properties; an inherited one is not the type's own.
        if (object.open || inherits(object.id, property.name)) continue;
        diagnostics.push(diagnostic('json-property-not-in-table', property.origin, property.name));
        fire('json-only-property', property.origin.file);
      }
      const { type, problem, quirk } = resolve(index, property.type, property.origin.file, object.namespace, commonBase, property.name);
      report(diagnostics, problem, property.typeOrigin);
      if (quirk) fire(quirk, property.origin.file);
      const { typeOrigin: _typeOrigin, ...rest } = property;
      properties.push({ ...rest, type });
    }
    const baseId = baseIds.get(object.id);
    index.byId.set(object.id, { ...placeholder(object), ...(baseId ? { baseId } : {}), properties });
  }

  const declarations = [...index.byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  return { model: { declarations, pageCount: pages.length, linkTargets: index.linkTargets() }, diagnostics, firings };
}

/** Is the page that declares the object named after it (`user.md` for `microsoft.graph.user`)? */
function isNamedAfter(object: UnlinkedObject): boolean {
  return posix.basename(object.origin.file).toLowerCase() === `${object.name.toLowerCase()}.md`;
}

/** Stands in for an object until it is linked: registered so that names and links resolve to it. */
function placeholder(object: UnlinkedObject): ObjectDeclaration {
  const { annotatedBase: _annotated, proseBase: _prose, derivedTypes: _derived, rowAncestors: _rows, ...rest } = object;
  return { ...rest, properties: [] };
}

/**
 * Resolves a written type to an object id other than `self`'s, or undefined.
 * A link whose text and target disagree is reported when `diagnostics` is given.
 */
/** Whether a stated base is the type itself ("baseType": its own name): a cycle of one, reported as such rather than as an unknown type. */
function namesItself(index: Index, self: UnlinkedObject, written: WrittenBase): boolean {
  const { type } = resolve(index, written.type, written.origin.file, self.namespace);
  return type.kind === 'ref' && type.id.toLowerCase() === self.id.toLowerCase();
}

function resolveObject(index: Index, self: UnlinkedObject, written: WrittenBase | undefined, diagnostics?: Diagnostic[]): string | undefined {
  if (!written) return undefined;
  const { type, problem } = resolve(index, written.type, written.origin.file, self.namespace);
  if (problem?.code === 'link-text-conflict' || problem?.code === 'link-text-mismatch') report(diagnostics ?? [], problem, written.origin);
  return type.kind === 'ref' && index.byId.get(type.id)?.kind === 'object' && type.id.toLowerCase() !== self.id.toLowerCase() ? type.id : undefined;
}

/**
 * One statement of an object's base type, resolved: what says it (for
 * messages), the base, where, and the rule that read it. A row's "Inherited
 * from [x]" and a base page's list of derived types name an ancestor, not
 * necessarily the direct base.
 */
interface BaseStatement {
  readonly source: string;
  readonly baseId: string;
  readonly origin: Origin;
  readonly rule?: QuirkName;
  readonly ancestorOnly?: boolean;
}

/**
 * Every object's base type, from every place the docs state one, in this
 * order of trust: the annotation's `baseType`; the derived page's prose
 * ("Inherits from [x]"); a base page listing the type among its derived
 * types; the ancestors its property rows name ("Inherited from [x]"), the
 * most specific of them. The first statement is kept unless a later one names
 * a type that itself derives from it (then the more specific wins); a
 * disagreement is reported either way, and statements that name an ancestor
 * of the chosen base agree with it. An unresolvable prose base is dropped
 * silently when written as a name (prose such as "inherits from base policy
 * type" names no type) and reported when it is a link.
 */
function chooseBases(index: Index, objects: ReadonlyMap<string, UnlinkedObject>, diagnostics: Diagnostic[], fire: (rule: QuirkName, file: string) => void): Map<string, string> {
  // What base pages say about the types that derive from them, by derived id.
  const fromBasePages = new Map<string, BaseStatement[]>();
  for (const base of objects.values()) {
    for (const derived of base.derivedTypes ?? []) {
      const derivedId = resolveObject(index, base, derived);
      if (!derivedId) continue;
      const list = fromBasePages.get(derivedId) ?? [];
      // A base page often lists its descendants, not only its children: it names an ancestor of the type.
      if (!list.some((s) => s.baseId === base.id)) list.push({ source: `the list of derived types of "${base.id}"`, baseId: base.id, origin: derived.origin, ancestorOnly: true, ...(derived.rule ? { rule: derived.rule } : {}) });
      fromBasePages.set(derivedId, list);
    }
  }
  const statementsOf = (object: UnlinkedObject): { stated: BaseStatement[]; rows: BaseStatement[] } => {
    const stated: BaseStatement[] = [];
    const annotated = resolveObject(index, object, object.annotatedBase);
    const unresolved = (written: WrittenBase) =>
      namesItself(index, object, written) ? diagnostic('inheritance-cycle', written.origin, `${object.id} → ${object.id}`) : diagnostic('unknown-base-type', written.origin, writtenName(written.type));
    if (object.annotatedBase && !annotated) diagnostics.push(unresolved(object.annotatedBase));
    if (annotated && object.annotatedBase) stated.push({ source: 'the annotation', baseId: annotated, origin: object.annotatedBase.origin });
    const prose = resolveObject(index, object, object.proseBase, diagnostics);
    if (object.proseBase && !prose && object.proseBase.type.kind === 'link') diagnostics.push(unresolved(object.proseBase));
    if (prose && object.proseBase) stated.push({ source: 'the text', baseId: prose, origin: object.proseBase.origin, ...(object.proseBase.rule ? { rule: object.proseBase.rule } : {}) });
    stated.push(...(fromBasePages.get(object.id) ?? []));
    const rows: BaseStatement[] = [];
    for (const ancestor of object.rowAncestors ?? []) {
      const id = resolveObject(index, object, ancestor);
      if (id && !rows.some((r) => r.baseId === id)) rows.push({ source: 'a property row ("Inherited from")', baseId: id, origin: ancestor.origin, rule: 'inherited-from-row', ancestorOnly: true });
    }
    return { stated, rows };
  };
  const statements = new Map([...objects.values()].map((object) => [object.id, statementsOf(object)]));
  // A first guess, from the strongest statement of each type, against which "more specific" is judged.
  const guess = new Map<string, string>();
  for (const [id, { stated, rows }] of statements) {
    const first = stated[0] ?? rows[0];
    if (first) guess.set(id, first.baseId);
  }
  // Graph's entity types all derive from `entity`: an entity type (one with a key) whose base no page states is taken
  // to derive from it when judging which of two statements is more specific (beta's directoryObject states no base).
  const isEntityRoot = (id: string) => {
    const root = objects.get(id.toLowerCase());
    return root !== undefined && root.name.toLowerCase() === 'entity' && !guess.has(root.id);
  };
  const derivesFrom = (id: string, ancestor: string): boolean => {
    const seen = new Set<string>();
    let last = id;
    for (let current = guess.get(id); current !== undefined && !seen.has(current); current = guess.get(current)) {
      if (current === ancestor) return true;
      seen.add(current);
      last = current;
    }
    return isEntityRoot(ancestor) && last !== ancestor && !guess.has(last) && objects.get(last.toLowerCase())?.keyProperty !== undefined;
  };
  const chosen = new Map<string, string>();
  for (const [id, { stated, rows }] of statements) {
    // The rows name ancestors: only the most specific of them states a base, and only when nothing else does.
    const mostSpecificRow = rows.find((row) => rows.every((other) => other === row || derivesFrom(row.baseId, other.baseId))) ?? rows[0];
    const all = stated.length > 0 ? stated : mostSpecificRow ? [mostSpecificRow] : [];
    let current = all[0];
    if (!current) continue;
    for (const statement of all) if (statement.rule) fire(statement.rule, statement.origin.file);
    for (const other of all.slice(1)) {
      if (other.baseId === current.baseId) continue;
      const ancestor = derivesFrom(current.baseId, other.baseId);
      // Another statement naming an ancestor is imprecise rather than contradictory: the current base stays, the more specific.
      if (ancestor && other.ancestorOnly) continue;
      const moreSpecific = derivesFrom(other.baseId, current.baseId);
      const winner = moreSpecific ? other : current;
      diagnostics.push(diagnostic('base-type-conflict', other.origin, current.baseId, current.source, other.baseId, other.source, winner.baseId, moreSpecific || ancestor));
      if (moreSpecific) {
        fire('more-specific-base', other.origin.file);
        current = other;
      }
    }
    chosen.set(id, current.baseId);
  }
  return chosen;
}

/** Adds the members of a later definition of the same enum; members both list keep the first page's row. */
function mergeEnums(first: EnumDeclaration, later: EnumDeclaration, diagnostics: Diagnostic[]): EnumDeclaration {
  diagnostics.push(diagnostic('type-merged', later.origin, first.id, first.origin.file));
  const names = new Set(first.members.map((m) => m.name));
  const members = [...first.members, ...later.members.filter((m) => !names.has(m.name))];
  return { ...first, members, description: first.description || later.description };
}

/** Adds the properties of a later page declaring the same type; a property both pages list keeps the first page's row. */
function mergeObjects(first: UnlinkedObject, later: UnlinkedObject, diagnostics: Diagnostic[]): UnlinkedObject {
  diagnostics.push(diagnostic('type-merged', later.origin, first.id, first.origin.file));
  const byName = new Map(first.properties.map((p) => [p.name, p]));
  const added: UnlinkedProperty[] = [];
  for (const property of later.properties) {
    const kept = byName.get(property.name);
    if (!kept) added.push(property);
    else if (JSON.stringify(kept.type) !== JSON.stringify(property.type)) {
      diagnostics.push(diagnostic('duplicate-property', property.origin, property.name, kept.origin.line, kept.origin.file));
    }
  }
  return {
    ...first,
    open: first.open || later.open,
    ...(first.annotatedBase ?? later.annotatedBase ? { annotatedBase: first.annotatedBase ?? later.annotatedBase } : {}),
    ...(first.proseBase ?? later.proseBase ? { proseBase: first.proseBase ?? later.proseBase } : {}),
    ...(first.derivedTypes ?? later.derivedTypes ? { derivedTypes: [...(first.derivedTypes ?? []), ...(later.derivedTypes ?? [])] } : {}),
    ...(first.rowAncestors ?? later.rowAncestors ? { rowAncestors: [...(first.rowAncestors ?? []), ...(later.rowAncestors ?? [])] } : {}),
    description: first.description || later.description,
    properties: [...first.properties, ...added],
  };
}

function writtenName(type: WrittenType): string {
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'link':
    case 'anchor':
      return type.text;
    case 'collection':
      return writtenName(type.element);
    case 'primitive':
      return type.name;
    case 'oneOf':
      return type.options.map(writtenName).join(' or ');
    case 'unreadable':
      return type.written;
  }
}

/** Drops the base of the declaration (first id in code-unit order) that closes each inheritance cycle. */
function breakCycles(baseIds: Map<string, string>, objects: ReadonlyMap<string, UnlinkedObject>, diagnostics: Diagnostic[]): void {
  for (const id of [...baseIds.keys()].sort(compareCodeUnits)) {
    const seen: string[] = [];
    let current: string | undefined = id;
    while (current !== undefined && !seen.includes(current)) {
      seen.push(current);
      current = baseIds.get(current);
    }
    if (current === undefined) continue;
    const cycle = seen.slice(seen.indexOf(current));
    const breaker = [...cycle].sort(compareCodeUnits)[0] ?? id;
    const origin = objects.get(breaker.toLowerCase())?.origin;
    if (origin) diagnostics.push(diagnostic('inheritance-cycle', origin, [...cycle, current].join(' → ')));
    baseIds.delete(breaker);
  }
}
