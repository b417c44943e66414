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
import { compareCodeUnits } from '../order.js';

export interface Linked {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
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
  readonly problem?: { readonly code: 'unknown-type' | 'unresolved-link' | 'alternative-types' | 'link-text-conflict'; readonly written: string };
}

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
      if (primitive && (!main || index.byId.get(main)?.name.toLowerCase() !== written.text.trim().toLowerCase())) return { type: { kind: 'primitive', name: primitive } };
      // The target page's own type wins (file names do not say type names); the link text is the fallback when the page is not in the doc set.
      const textId = index.byName(written.text.replace(/\s+collection$/i, ''), namespace);
      const anchored = page && anchor ? index.anchor(page, anchor) : undefined;
      // "[invitationParticipantInfo](participantinfo.md)": text naming another type than the page, and not just the property's own name, wins.
      if (!anchored && main && textId && textId !== main && written.text.trim().toLowerCase() !== propertyName?.toLowerCase()) {
        return { type: { kind: 'ref', id: textId }, problem: { code: 'link-text-conflict', written: `${written.text}" but links to the page of "${index.byId.get(main)?.name ?? main}` } };
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
      return base ? { type: { kind: 'ref', id: base } } : { type: first.type, problem: { code: 'alternative-types', written: names } };
    }
    case 'unreadable':
      return { type: { kind: 'unknown', written: written.written }, problem: written.written === '' ? undefined : { code: 'unknown-type', written: written.written } } as Resolution;
  }
}

function report(diagnostics: Diagnostic[], problem: Resolution['problem'], at: Origin): void {
  if (problem) diagnostics.push(diagnostic(problem.code, at, problem.written));
}

export function linkPages(pages: readonly PageFacts[]): Linked {
  const diagnostics: Diagnostic[] = [];
  const index = new Index();
  const sortedPages = [...pages].sort((a, b) => compareCodeUnits(a.file, b.file));

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
      if (index.byName(declaration.name, declaration.namespace) === undefined) index.add(declaration, page.file);
    }
  }

  // 3. Base types, then cycles.
  const baseIds = new Map<string, string>();
  for (const object of objectsById.values()) {
    const baseId = chooseBase(index, objectsById, object, diagnostics);
    if (baseId) baseIds.set(object.id, baseId);
  }
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
      }
      const { type, problem } = resolve(index, property.type, property.origin.file, object.namespace, commonBase, property.name);
      report(diagnostics, problem, property.typeOrigin);
      const { typeOrigin: _typeOrigin, ...rest } = property;
      properties.push({ ...rest, type });
    }
    const { annotatedBase: _annotated, proseBase: _prose, ...rest } = object;
    const baseId = baseIds.get(object.id);
    index.byId.set(object.id, { ...rest, ...(baseId ? { baseId } : {}), properties });
  }

  const declarations = [...index.byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  return { model: { declarations, pageCount: pages.length }, diagnostics };
}

/** Is the page that declares the object named after it (`user.md` for `microsoft.graph.user`)? */
function isNamedAfter(object: UnlinkedObject): boolean {
  return posix.basename(object.origin.file).toLowerCase() === `${object.name.toLowerCase()}.md`;
}

/** Stands in for an object until it is linked: registered so that names and links resolve to it. */
function placeholder(object: UnlinkedObject): ObjectDeclaration {
  const { annotatedBase: _annotated, proseBase: _prose, ...rest } = object;
  return { ...rest, properties: [] };
}

/** Resolves a written base to an object id other than the type's own, or undefined. */
function resolveBase(index: Index, object: UnlinkedObject, base: WrittenBase | undefined): string | undefined {
  if (!base) return undefined;
  const { type } = resolve(index, base.type, base.origin.file, object.namespace);
  return type.kind === 'ref' && index.byId.get(type.id)?.kind === 'object' && type.id.toLowerCase() !== object.id.toLowerCase() ? type.id : undefined;
}

/**
 * The annotation's baseType and the "Inherits from" prose usually agree. When
 * they do not, the more specific one wins (the prose names a type that itself
 * derives from the annotated one: `entity` vs `directoryObject`); otherwise
 * the annotation. An unresolvable prose base is dropped silently: prose such
 * as "inherits from base policy type" names no type.
 */
function chooseBase(index: Index, objects: ReadonlyMap<string, UnlinkedObject>, object: UnlinkedObject, diagnostics: Diagnostic[]): string | undefined {
  const annotated = resolveBase(index, object, object.annotatedBase);
  const prose = resolveBase(index, object, object.proseBase);
  if (object.annotatedBase && !annotated) diagnostics.push(diagnostic('unknown-base-type', object.annotatedBase.origin, writtenName(object.annotatedBase.type)));
  if (object.proseBase && !prose && object.proseBase.type.kind === 'link') diagnostics.push(diagnostic('unknown-base-type', object.proseBase.origin, writtenName(object.proseBase.type)));
  if (!annotated || !prose || annotated === prose) return annotated ?? prose;
  const winner = derivesFrom(index, objects, prose, annotated) ? prose : annotated;
  diagnostics.push(diagnostic('base-type-conflict', object.proseBase?.origin ?? object.origin, annotated, prose, winner));
  return winner;
}

/** Does `id` derive, through written bases, from `ancestor`? */
function derivesFrom(index: Index, objects: ReadonlyMap<string, UnlinkedObject>, id: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = id; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    const object = objects.get(current.toLowerCase());
    if (!object) return false;
    current = resolveBase(index, object, object.annotatedBase) ?? resolveBase(index, object, object.proseBase);
    if (current === ancestor) return true;
  }
  return false;
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
