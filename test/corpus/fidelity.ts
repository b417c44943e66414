/**
 * Fidelity of a generated model to the docs, measured against the
 * independent line-based reading in corpus.ts: documented types present,
 * properties a page mentions (table rows and JSON representation keys)
 * present on the interface (own or inherited), the type of each row whose
 * Type cell is a plain Edm primitive or a link, and annotated base types.
 */
import type { Diagnostic } from '../../generator/diagnostics.js';
import type { Declaration, Model, ObjectDeclaration, Property, TypeExpr } from '../../generator/model/ir.js';
import type { Page } from '../../generator/pipeline.js';
import { plainPrimitive, scanPage } from './corpus.js';

export interface Ratio {
  readonly checked: number;
  readonly right: number;
  /** Up to 20 examples of what was wrong. */
  readonly misses: readonly string[];
}

export interface Fidelity {
  readonly typesPresent: Ratio;
  readonly propertiesPresent: Ratio;
  readonly propertyTypesRight: Ratio;
  readonly baseTypesRight: Ratio;
  /**
   * Base types the prose states (on the derived page, or as the derived types
   * of a base page), by link text: emitted, or, where statements disagree, the
   * disagreement reported on the page.
   */
  readonly statedBasesRight: Ratio;
  readonly enumSectionsPresent: Ratio;
  readonly enumPagesPresent: Ratio;
  readonly propertyTablePagesDeclared: Ratio;
}

class Tally {
  checked = 0;
  right = 0;
  readonly misses: string[] = [];
  count(ok: boolean, miss: () => string): void {
    this.checked++;
    if (ok) this.right++;
    else if (this.misses.length < 20) this.misses.push(miss());
  }
  get ratio(): Ratio {
    return { checked: this.checked, right: this.right, misses: this.misses };
  }
}

export function percent(ratio: Ratio): number {
  return ratio.checked === 0 ? 100 : (100 * ratio.right) / ratio.checked;
}

function effectiveProperties(byId: ReadonlyMap<string, Declaration>, declaration: ObjectDeclaration): Map<string, Property> {
  const chain: ObjectDeclaration[] = [];
  const seen = new Set<string>();
  for (let current: Declaration | undefined = declaration; current?.kind === 'object' && !seen.has(current.id); current = current.baseId ? byId.get(current.baseId) : undefined) {
    seen.add(current.id);
    chain.unshift(current);
  }
  const properties = new Map<string, Property>();
  for (const object of chain) for (const property of object.properties) properties.set(property.name, property);
  return properties;
}

function isOpen(byId: ReadonlyMap<string, Declaration>, declaration: ObjectDeclaration): boolean {
  const seen = new Set<string>();
  for (let current: Declaration | undefined = declaration; current?.kind === 'object' && !seen.has(current.id); current = current.baseId ? byId.get(current.baseId) : undefined) {
    seen.add(current.id);
    if (current.open) return true;
  }
  return false;
}

function describe(type: TypeExpr): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'ref':
      return `ref(${type.id})`;
    case 'collection':
      return `${describe(type.element)} collection`;
    case 'unknown':
      return `unknown(${type.written})`;
  }
}

/** The expected shape of a Type cell, when the cell is plain enough to say: a primitive or a link, maybe a collection. */
function expectedShape(cell: string): { primitive?: string; link: boolean; target?: string; text?: string; collection: boolean } | undefined {
  const text = cell.replace(/[*`]/g, '').trim();
  const collection = /\bcollection\b/i.test(text) || /^collection\(/i.test(text);
  const inner = text.replace(/^collection\((.*)\)$/i, '$1').replace(/\s+collection$/i, '').trim();
  const link = /^\[([^\]]+)\]\(([^)#]*?)([^/)#]+\.md)?(#[\w-]+)?\)$/.exec(inner);
  const linkText = link?.[1];
  // A link whose text is an Edm primitive ("[DateTimeOffset](timestamp.md)") means the primitive.
  if (linkText !== undefined) {
    if (plainPrimitive(linkText)) return { primitive: plainPrimitive(linkText), link: false, collection };
    return { link: true, collection, text: linkText, ...(link?.[3] && !link[4] ? { target: link[3].toLowerCase() } : {}) };
  }
  const primitive = plainPrimitive(inner);
  return primitive ? { primitive, link: false, collection } : undefined;
}

/** Codes by which the generator reports that the docs state a base type two ways. */
const baseDisagreements = new Set(['base-type-conflict', 'link-text-mismatch', 'link-text-conflict', 'inheritance-cycle']);

export function measureFidelity(pages: readonly Page[], model: Model, diagnostics: readonly Diagnostic[] = []): Fidelity {
  const byId = new Map(model.declarations.map((d) => [d.id, d]));
  const byLowerId = new Map(model.declarations.map((d) => [d.id.toLowerCase(), d]));
  const enumsByLowerName = new Map<string, Declaration[]>();
  for (const d of model.declarations) if (d.kind === 'enum') enumsByLowerName.set(d.name.toLowerCase(), [...(enumsByLowerName.get(d.name.toLowerCase()) ?? []), d]);
  const declaredFiles = new Set(model.declarations.map((d) => d.origin.file));
  for (const d of model.declarations) if (d.kind === 'object') for (const p of d.properties) declaredFiles.add(p.origin.file);

  const types = new Tally();
  const properties = new Tally();
  const propertyTypes = new Tally();
  const bases = new Tally();
  const enumSections = new Tally();
  const enumPages = new Tally();
  const tablePages = new Tally();
  const statedBases = new Tally();
  const objectsByLowerName = new Map<string, ObjectDeclaration>();
  for (const d of [...model.declarations].reverse()) if (d.kind === 'object' && (d.namespace === 'microsoft.graph' || !objectsByLowerName.has(d.name.toLowerCase()))) objectsByLowerName.set(d.name.toLowerCase(), d);
  const disagreementFiles = new Set(diagnostics.filter((d) => baseDisagreements.has(d.code)).map((d) => d.file));
  /**
   * The pair (derived, base), each named as the docs write it (a link's text
   * or the type its target page annotates): emitted as stated, or the
   * disagreement reported on a page that states it.
   */
  const ancestorNames = (declaration: ObjectDeclaration): string[] => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let id = declaration.baseId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const base = byId.get(id);
      if (base?.kind !== 'object') break;
      names.push(base.name.toLowerCase());
      id = base.baseId;
    }
    return names;
  };
  /** `ancestor`: a base page's list of derived types may list descendants, not only children: the base must be an ancestor. */
  const checkStated = (derived: readonly string[], base: readonly string[], files: readonly string[], where: string, ancestor = false) => {
    const declaration = derived.map((name) => objectsByLowerName.get(name.toLowerCase())).find((d) => d !== undefined);
    if (!declaration) return;
    const actual = declaration.baseId ? byId.get(declaration.baseId)?.name : undefined;
    // A base no page declares cannot be emitted (the generator reports it as unknown-base-type).
    if (!base.some((name) => objectsByLowerName.has(name.split('.').pop()?.toLowerCase() ?? ''))) return;
    const accepted = ancestor ? ancestorNames(declaration) : [actual?.toLowerCase()];
    const ok = base.some((name) => accepted.includes(name.split('.').pop()?.toLowerCase())) || files.some((f) => disagreementFiles.has(f));
    statedBases.count(ok, () => `${where}: ${derived[0]} derives from ${base.join(' or ')}, generated ${actual ?? '(none)'}`);
  };
  const namesOf = (link: { readonly text: string; readonly file: string }): string[] => [link.text, ...(typeByFile.has(link.file) ? [typeByFile.get(link.file) ?? ''] : [])];

  // File name (lower case) → the type name its resource annotation declares.
  const scannedPages = pages.map((page) => ({ page, scanned: scanPage(page) }));
  const typeByFile = new Map<string, string>();
  for (const { page, scanned } of scannedPages) {
    const declared = scanned.resourceType;
    if (declared) typeByFile.set(page.path.split('/').pop()?.toLowerCase() ?? '', declared.split('.').pop() ?? declared);
  }
  for (const { page, scanned } of scannedPages) {
    for (const name of scanned.enumSections) {
      enumSections.count(enumsByLowerName.has(name.toLowerCase()), () => `${page.path}: enum section ${name}`);
    }
    if (scanned.isEnumPage) {
      // An enum page declares at least one enum: its own, or one merged into the same enum defined elsewhere.
      const title = /^#\s+`?(\w+)`?\s+enum/im.exec(page.text)?.[1]?.toLowerCase();
      const declared = model.declarations.some((d) => d.kind === 'enum' && (d.origin.file === page.path || d.name.toLowerCase() === title));
      enumPages.count(declared, () => `${page.path}: enum page`);
    }
    const qualified = scanned.resourceType?.includes('.') ? scanned.resourceType : `${scanned.namespace ?? 'microsoft.graph'}.${scanned.resourceType ?? ''}`;
    const declaration = scanned.resourceType ? byLowerId.get(qualified.toLowerCase()) : undefined;
    if (scanned.hasPropertiesTable) {
      // A page whose type has no name cannot be declared: it is skipped with a warning that says so.
      const reported = diagnostics.some((d) => d.code === 'missing-type-name' && d.file === page.path);
      tablePages.count(declaredFiles.has(page.path) || declaration !== undefined || reported, () => `${page.path}: properties table, no declaration`);
    }
    const ownName = scanned.resourceType?.split('.').pop();
    if (ownName) {
      if (scanned.proseBase) checkStated([ownName], namesOf(scanned.proseBase), [page.path], page.path);
      for (const derived of scanned.derivedTypes) {
        const names = namesOf(derived);
        const derivedFile = names.map((n) => objectsByLowerName.get(n.toLowerCase())?.origin.file).find((f) => f !== undefined) ?? '';
        checkStated(names, [ownName], [page.path, derivedFile], page.path, true);
      }
    }
    if (!scanned.resourceType) continue;
    types.count(declaration?.kind === 'object', () => `${page.path}: ${qualified}`);
    if (declaration?.kind !== 'object') continue;
    const effective = effectiveProperties(byId, declaration);
    // An open type's JSON representation shows example dynamic properties: not properties of the type.
    const mentioned = new Set([...scanned.rows.map((r) => r.name), ...(isOpen(byId, declaration) ? [] : scanned.jsonKeys)]);
    for (const name of mentioned) properties.count(effective.has(name), () => `${page.path}: ${declaration.name}.${name}`);
    for (const row of scanned.rows) {
      const shape = expectedShape(row.type);
      const property = effective.get(row.name);
      if (!shape || !property || property.origin.file !== page.path) continue;
      let type = property.type;
      let ok = true;
      if (shape.collection) {
        ok = type.kind === 'collection';
        if (type.kind === 'collection') type = type.element;
      } else ok = type.kind !== 'collection';
      if (shape.link) {
        // The type a link means: the target page's annotated type, else the link text.
        const expected = ((shape.target ? typeByFile.get(shape.target) : undefined) ?? shape.text ?? '').toLowerCase();
        const actual = type.kind === 'ref' ? (byId.get(type.id)?.name ?? '').toLowerCase() : '';
        ok &&= type.kind === 'ref' && (actual === expected || actual === (shape.text ?? '').toLowerCase());
      } else ok &&= type.kind === 'primitive' && type.name === shape.primitive;
      propertyTypes.count(ok, () => `${page.path}:${row.line} ${row.name}: "${row.type}" → ${describe(property.type)}`);
    }
    if (scanned.baseType) {
      const expected = scanned.baseType.includes('.') ? scanned.baseType : `microsoft.graph.${scanned.baseType}`;
      const actual = declaration.baseId ?? '(none)';
      bases.count(actual.toLowerCase() === expected.toLowerCase(), () => `${page.path}: base ${expected}, generated ${actual}`);
    }
  }
  return {
    typesPresent: types.ratio,
    propertiesPresent: properties.ratio,
    propertyTypesRight: propertyTypes.ratio,
    baseTypesRight: bases.ratio,
    statedBasesRight: statedBases.ratio,
    enumSectionsPresent: enumSections.ratio,
    enumPagesPresent: enumPages.ratio,
    propertyTablePagesDeclared: tablePages.ratio,
  };
}
