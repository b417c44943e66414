/**
 * Build: one raw page → the facts it declares (objects, enums), with types
 * still as written. Page-local work only: which tables are properties,
 * relationships or enum members; the type name and namespace; facets from the
 * description; reconciliation of the tables with the JSON representation.
 */
import { diagnostic, type Diagnostic, type Origin } from '../diagnostics.js';
import type { RawAnnotation, RawHeading, RawJson, RawPage, RawRow, RawTable, RawText } from '../extract.js';
import { inheritedFromRow, statedBase, statedDerivedTypes } from './base-types.js';
import { listedValues, saysOpenType, withoutPlaceholder } from './descriptions.js';
import type { EnumDeclaration, EnumMember, Facets, PageFacts, UnlinkedObject, UnlinkedProperty, WrittenBase, WrittenType } from './ir.js';
import { quirkNames, type Fired } from './quirks.js';
import { primitiveNamed, readTypeCell } from './written-type.js';

export const defaultNamespace = 'microsoft.graph';

export interface Built {
  readonly facts: PageFacts;
  readonly diagnostics: readonly Diagnostic[];
}

type TableRole = 'properties' | 'relationships' | 'enum' | 'other';

const nameColumns = ['property', 'name', 'property name', 'properties', 'field', 'relationship', 'relationships', 'relationship name'];
const typeColumns = ['type', 'type name', 'data type', 'value type', 'return type'];
const descriptionColumns = ['description', 'descriptions', 'notes', 'remarks'];
const memberColumns = ['member', 'members', 'name', 'value', 'values', 'enum member', 'member name', 'enumeration member'];

function column(table: RawTable, candidates: readonly string[]): string | undefined {
  return candidates.find((c) => table.headers.includes(c));
}

function headingChain(page: RawPage, section: number): RawHeading[] {
  const chain: RawHeading[] = [];
  for (let index = section; index >= 0; index = page.headings[index]?.parent ?? -1) {
    const heading = page.headings[index];
    if (heading) chain.push(heading);
  }
  return chain;
}

const enumSectionPattern = /^`?([A-Za-z_][\w.]*)`?\s+(?:enum(?:eration)?\s+)?(?:values?|members?|enum(?:eration)?(?:\s+type)?)$/i;

/** The enum name a heading introduces ("ageGroup values", "callType enum type"), if any. */
export function enumSectionName(heading: string): string | undefined {
  const match = enumSectionPattern.exec(heading.trim());
  const name = match?.[1];
  if (!name || /^(property|properties|possible|allowed|enum|the)$/i.test(name)) return undefined;
  return name;
}

function tableRole(page: RawPage, table: RawTable, isEnumPage: boolean, fired: Fired): { role: TableRole; enumName?: string } {
  const chain = headingChain(page, table.section);
  const hasNameAndType = column(table, nameColumns) !== undefined && column(table, typeColumns) !== undefined;
  for (const heading of chain) {
    if (heading.depth === 1) break;
    const text = heading.text.trim().toLowerCase();
    if (/^(methods?|http request|request|response|permissions|optional query parameters|request headers|request body|path parameters|parameters|functions|actions)\b/.test(text)) return { role: 'other' };
    // "Properties of a token lifetime policy definition": the JSON a String property holds, not the type's properties.
    if (/^propert(y|ies)\s+of\b/.test(text)) {
      if (hasNameAndType) fired.add('properties-of-something-else');
      return { role: 'other' };
    }
    if (/^relationships?\b/.test(text)) return { role: hasNameAndType ? 'relationships' : 'other' };
    if (/^propert(y|ies)\b/.test(text) || /\bproperties$/.test(text)) {
      if (hasNameAndType) return { role: 'properties' };
      break;
    }
    const enumName = enumSectionName(heading.text);
    if (enumName && column(table, memberColumns)) return { role: 'enum', enumName };
  }
  if (isEnumPage && column(table, memberColumns) && !column(table, typeColumns)) return { role: 'enum' };
  return { role: 'other' };
}

const facetRules: readonly { readonly facet: keyof Facets; readonly value: boolean; readonly pattern: RegExp }[] = [
  { facet: 'nullable', value: false, pattern: /\b(not nullable|non-nullable|cannot be null|can't be null|never null)\b/i },
  { facet: 'nullable', value: true, pattern: /\bnullable\b|\bcan be null\b/i },
  { facet: 'readOnly', value: true, pattern: /\bread-?only\b/i },
  { facet: 'required', value: true, pattern: /^required\b|(?<!\bnot )\b(?:is|are) required\b|(?<!\bnot )\brequired\.|\(required\)/i },
];

/** Facets the description states plainly. The first matching rule per facet wins. */
export function facetsOf(description: string): Facets {
  const facets: { -readonly [K in keyof Facets]: Facets[K] } = {};
  for (const rule of facetRules) {
    if (facets[rule.facet] === undefined && rule.pattern.test(description)) facets[rule.facet] = rule.value;
  }
  return facets;
}

/**
 * A property name cell. Read from the markdown as written, so that `__proto__`
 * stays itself rather than becoming bold "proto"; bold, italic and code
 * wrappers and backslash escapes are removed, a link keeps its text, and a
 * trailing parenthetical remark ("id (deprecated)") is dropped. Anything else
 * with spaces or punctuation is not a property name.
 */
function propertyName(cell: RawText | undefined, fired: Fired): string | undefined {
  if (!cell) return undefined;
  const withoutRemark = cell.markdown.replace(/\s+\([^()]*\)$/, '');
  const text = cellName({ ...cell, markdown: withoutRemark });
  if (!/^[@A-Za-z_$][\w@.$-]*$/.test(text)) return undefined;
  if (withoutRemark !== cell.markdown) fired.add('name-with-remark');
  return text;
}

/** A name cell as written: a link's text, else the markdown without bold, italic or code wrappers and backslash escapes. */
function cellName(cell: RawText): string {
  let text = cell.links.length > 0 ? cell.text : cell.markdown;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.trim().replace(/^\*\*(.*)\*\*$/s, '$1').replace(/^\*(.*)\*$/s, '$1').replace(/^`(.*)`$/s, '$1');
  }
  return text.replace(/\\(.)/g, '$1').trim();
}

/** A qualified type name as an annotation writes it: a dotted path of identifiers, optionally with a leading `#`. */
const qualifiedNamePattern = /^#?[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/;

interface PageContext {
  readonly page: RawPage;
  readonly namespace: string;
  readonly diagnostics: Diagnostic[];
  /** The quirk rules that fired on the page. */
  readonly fired: Fired;
  /** Where descriptions that were only placeholders were, for the page's note. */
  readonly placeholders: Origin[];
}

/** A description as JSDoc may show it: without a placeholder, which is counted for the page's note. */
function described(context: PageContext, markdown: string, at: Origin): string {
  const { text, placeholder } = withoutPlaceholder(markdown);
  if (placeholder) {
    context.fired.add('placeholder-description');
    context.placeholders.push(at);
  }
  return text;
}

function origin(page: RawPage, at: { line: number; column: number }): Origin {
  return { file: page.file, line: at.line, column: at.column };
}

/**
 * The page's "Namespace: x.y" line. The whole word is the namespace (a
 * sentence's closing punctuation aside): one that is not a dotted path of
 * identifiers is reported and the default used, never cut short at the first
 * odd character (`microsoft.graph.a-b` is not `microsoft.graph.a`).
 */
function pageNamespace(page: RawPage, diagnostics: Diagnostic[]): { namespace: string; stated: boolean } {
  for (const paragraph of page.paragraphs) {
    if (paragraph.listItem) continue;
    const match = /^namespace:\s*(\S+)/i.exec(paragraph.text);
    const written = match?.[1]?.replace(/[.,;:]+$/, '');
    if (written === undefined || written === '') continue;
    if (qualifiedNamePattern.test(written) && !written.startsWith('#')) return { namespace: written, stated: true };
    diagnostics.push(diagnostic('invalid-namespace', origin(page, paragraph), written, defaultNamespace));
    break;
  }
  return { namespace: defaultNamespace, stated: false };
}

function splitQualified(qualified: string, fallbackNamespace: string): { namespace: string; name: string } {
  const clean = qualified.replace(/^#/, '').trim();
  const dot = clean.lastIndexOf('.');
  if (dot < 0) return { namespace: fallbackNamespace, name: clean };
  return { namespace: clean.slice(0, dot), name: clean.slice(dot + 1) };
}

function resourceAnnotation(page: RawPage): RawAnnotation | undefined {
  return page.annotations.find((a) => {
    const blockType = a.value?.['blockType'];
    return typeof blockType === 'string' && blockType.toLowerCase() === 'resource' && annotatedType(a) !== undefined;
  });
}

/** The annotation's type name: `@odata.type`, or `@type` as some pages write it. */
function annotatedType(annotation: RawAnnotation | undefined, fired?: Fired): string | undefined {
  const odataType = annotation?.value?.['@odata.type'];
  const value = odataType ?? annotation?.value?.['@type'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (odataType === undefined) fired?.add('at-type-annotation');
  return value.trim();
}

const titlePattern = /^([A-Za-z_][\w.]*)\s+(?:resource|complex|entity|enum(?:eration)?|object)?\s*type\b/i;

/**
 * The type name the page's title gives, tried in order: the H1 ("# x resource
 * type"), the front matter title, a title missing the space after '#'. The
 * rule that found it is recorded when `fired` is given (the caller passes it
 * only when the title, not an annotation, names the type).
 */
function titleTypeName(page: RawPage, fired?: Fired): string | undefined {
  const h1 = page.headings.find((h) => h.depth === 1);
  const fromHeading = h1 ? titlePattern.exec(h1.text.replace(/`/g, '').trim())?.[1] : undefined;
  if (fromHeading) return fromHeading;
  const title = page.frontMatter['title'];
  const fromFrontMatter = typeof title === 'string' ? titlePattern.exec(title.replace(/`/g, '').trim())?.[1] : undefined;
  if (fromFrontMatter) {
    fired?.add('type-name-from-front-matter');
    return fromFrontMatter;
  }
  // "#teamVisibilityType enum type": a title missing the space after '#' is a paragraph to CommonMark.
  const unspaced = page.paragraphs.find((p) => !p.listItem && /^#{1,6}[^#\s]/.test(p.markdown));
  const fromUnspaced = unspaced ? titlePattern.exec(unspaced.markdown.replace(/^#+/, '').replace(/`/g, '').trim())?.[1] : undefined;
  if (fromUnspaced) fired?.add('title-without-space');
  return fromUnspaced;
}

/** The description of the page's type: the first paragraph after the title that is not the namespace line. */
function pageDescription(context: PageContext): string {
  const { page } = context;
  const h1 = page.headings.findIndex((h) => h.depth === 1);
  const paragraph = page.paragraphs.find((p) => p.section === h1 && !p.listItem && !/^namespace:/i.test(p.text) && !p.text.startsWith('>'));
  return paragraph ? described(context, paragraph.markdown, origin(page, paragraph)) : '';
}

/** What the rows of a page's property tables yield besides properties. */
interface RowFacts {
  readonly seen: Map<string, number>;
  readonly proseEnums: EnumDeclaration[];
  /** Ancestors the rows name ("Inherited from [x]"), each once by written name. */
  readonly ancestors: Map<string, WrittenBase>;
}

function readRows(context: PageContext, table: RawTable, navigation: boolean, into: UnlinkedProperty[], facts: RowFacts): void {
  const { seen, proseEnums } = facts;
  const nameKey = column(table, nameColumns) ?? '';
  const typeKey = column(table, typeColumns) ?? '';
  const descriptionKey = column(table, descriptionColumns);
  if (!['property', 'relationship'].includes(nameKey) || typeKey !== 'type') context.fired.add('header-alias');
  for (const row of table.rows) {
    const nameCell = row.cells[nameKey];
    if (isGroupRow(row, nameKey, typeKey)) {
      if ((row.cells[nameKey]?.text.trim() ?? '') !== '') context.fired.add('group-row');
      continue;
    }
    const name = propertyName(nameCell, context.fired);
    const at = origin(context.page, nameCell ?? row);
    if (!name) {
      context.diagnostics.push(diagnostic('invalid-property-name', at, nameCell?.text ?? ''));
      continue;
    }
    const firstLine = seen.get(name);
    if (firstLine !== undefined) {
      context.diagnostics.push(diagnostic('duplicate-property', at, name, firstLine));
      continue;
    }
    seen.set(name, at.line);
    const typeCell = row.cells[typeKey];
    const type = readTypeCell(typeCell, context.fired);
    if (type.kind === 'unreadable' && type.written === '') context.diagnostics.push(diagnostic('missing-type-cell', at, name));
    const descriptionCell = descriptionKey ? row.cells[descriptionKey] : undefined;
    const description = descriptionCell ? described(context, descriptionCell.markdown, origin(context.page, descriptionCell)) : '';
    const typeOrigin = origin(context.page, typeCell ?? row);
    const knownValues = isString(type) && descriptionCell ? listedValues(descriptionCell, context.fired) : [];
    if (knownValues.length >= 2) context.fired.add('possible-values-union');
    const ancestor = descriptionCell ? inheritedFromRow(descriptionCell) : undefined;
    if (ancestor) {
      const key = JSON.stringify(ancestor);
      if (!facts.ancestors.has(key)) facts.ancestors.set(key, { type: ancestor, origin: origin(context.page, descriptionCell ?? row), rule: 'inherited-from-row' });
    }
    into.push({
      name,
      type,
      typeOrigin,
      description,
      facets: facetsOf(descriptionCell?.text ?? ''),
      ...(knownValues.length >= 2 ? { knownValues } : {}),
      navigation,
      source: 'table',
      origin: at,
    });
    if (descriptionCell) collectProseEnum(context, type, descriptionCell, origin(context.page, typeCell ?? row), proseEnums);
  }
}

/** String, or a collection of String. */
function isString(type: WrittenType): boolean {
  return (type.kind === 'primitive' && type.name === 'String') || (type.kind === 'collection' && isString(type.element));
}

/** Rows such as "| **Calendar** | | |" that group other rows, and rows with neither name nor type. */
function isGroupRow(row: RawRow, nameKey: string, typeKey: string): boolean {
  const empty = (key: string) => (row.cells[key]?.text.trim() ?? '') === '';
  const boldName = /^\*\*[^*]+\*\*$/.test(row.cells[nameKey]?.markdown ?? '');
  return (empty(nameKey) && empty(typeKey)) || (boldName && Object.keys(row.cells).every((key) => key === nameKey || empty(key)));
}

function collectProseEnum(context: PageContext, type: WrittenType, description: RawText, at: Origin, into: EnumDeclaration[]): void {
  const named = type.kind === 'collection' ? type.element : type;
  if (named.kind !== 'name') return;
  const members = listedValues(description);
  if (members.length === 0) return;
  const { namespace, name } = splitQualified(named.name, context.namespace);
  into.push({
    kind: 'enum',
    id: `${namespace}.${name}`,
    namespace,
    name,
    description: '',
    flags: false,
    members: members.map((member) => ({ name: member, description: '', origin: at })),
    source: 'prose',
    origin: at,
  });
}

function readEnum(context: PageContext, table: RawTable, name: string, description: string): EnumDeclaration {
  const keys = table.headers;
  const numericColumn = (key: string) => table.rows.length > 0 && table.rows.every((r) => /^-?\d+$/.test(r.cells[key]?.text.trim() ?? ''));
  const memberKey = memberColumns.find((k) => keys.includes(k) && !numericColumn(k)) ?? keys.find((k) => !numericColumn(k)) ?? keys[0] ?? '';
  const valueKey = keys.find((k) => k !== memberKey && numericColumn(k));
  const descriptionKey = column(table, descriptionColumns);
  const members: EnumMember[] = [];
  for (const row of table.rows) {
    const cell = row.cells[memberKey];
    const memberName = cell ? cellName(cell) : '';
    if (memberName === '') continue;
    const at = origin(context.page, cell ?? row);
    if (members.some((m) => m.name === memberName)) {
      context.diagnostics.push(diagnostic('duplicate-enum-member', at, name, memberName));
      continue;
    }
    const valueText = valueKey ? row.cells[valueKey]?.text.trim() : undefined;
    const descriptionCell = descriptionKey ? row.cells[descriptionKey] : undefined;
    const member: EnumMember = { name: memberName, description: descriptionCell ? described(context, descriptionCell.markdown, origin(context.page, descriptionCell)) : '', origin: at };
    members.push(valueText !== undefined && valueText !== '' ? { ...member, value: Number(valueText) } : member);
  }
  const { namespace, name: local } = splitQualified(name, context.namespace);
  const at = origin(context.page, table);
  if (members.length === 0) context.diagnostics.push(diagnostic('enum-without-members', at, local));
  return { kind: 'enum', id: `${namespace}.${local}`, namespace, name: local, description, flags: isFlags(members), members, source: 'table', origin: at };
}

/** Flags: at least three members, every value a distinct power of two (0 allowed for "none"). */
function isFlags(members: readonly EnumMember[]): boolean {
  const values = members.map((m) => m.value);
  if (values.length < 3 || values.some((v) => v === undefined)) return false;
  const nonZero = values.filter((v): v is number => v !== undefined && v !== 0);
  return new Set(nonZero).size === nonZero.length && nonZero.every((v) => v > 0 && (v & (v - 1)) === 0) && nonZero.some((v) => v > 2);
}

/** A coarse kind for comparing a table type with a JSON sample: only definite disagreements are reported. */
type Coarse = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'unknown';

function coarseOfWritten(type: WrittenType): Coarse {
  switch (type.kind) {
    case 'collection':
      return 'array';
    case 'primitive':
      if (type.name === 'Boolean') return 'boolean';
      if (/^(Int16|Int32|Int64|Byte|SByte|Single|Double|Decimal)$/.test(type.name)) return 'number';
      return 'string';
    default:
      return 'unknown';
  }
}

function coarseOfJson(json: RawJson): Coarse {
  switch (json.kind) {
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string': {
      const primitive = primitiveNamed(json.value.replace(/\s*\(.*\)$/, ''));
      return primitive ? coarseOfWritten({ kind: 'primitive', name: primitive }) : 'string';
    }
    default:
      return 'unknown';
  }
}

/** A type read from a JSON sample value, for properties only the JSON representation mentions. */
export function typeOfJsonSample(json: RawJson): WrittenType {
  switch (json.kind) {
    case 'array': {
      const first = json.items[0];
      return { kind: 'collection', element: first ? typeOfJsonSample(first) : { kind: 'unreadable', written: '[]' } };
    }
    case 'object': {
      const odataType = json.entries.find((e) => e.key === '@odata.type')?.value;
      // `{"@odata.type": "Edm.Stream"}` stands for a primitive.
      const primitive = odataType?.kind === 'string' ? primitiveNamed(odataType.value) : undefined;
      if (primitive) return { kind: 'primitive', name: primitive };
      if (odataType?.kind === 'string') return { kind: 'name', name: odataType.value.replace(/^#/, '') };
      return { kind: 'unreadable', written: '{…}' };
    }
    case 'number':
      return { kind: 'primitive', name: Number.isInteger(json.value) ? 'Int32' : 'Double' };
    case 'boolean':
      return { kind: 'primitive', name: 'Boolean' };
    case 'string': {
      const written = json.value.trim();
      const primitive = primitiveNamed(written.replace(/\s*\(.*\)$/, ''));
      if (primitive) return { kind: 'primitive', name: primitive };
      if (/^microsoft\.graph\.[\w.]+$/i.test(written)) return { kind: 'name', name: written };
      return { kind: 'primitive', name: 'String' };
    }
    default:
      return { kind: 'unreadable', written: 'null' };
  }
}

const controlKey = (key: string) => key.startsWith('@') || key.includes('@odata.');

function reconcileWithJson(context: PageContext, annotation: RawAnnotation | undefined, properties: UnlinkedProperty[]): void {
  const block = annotation ? context.page.codeBlocks[annotation.codeBlock] : undefined;
  if (!block) return;
  const firstError = block.jsonErrors[0];
  if (firstError) context.diagnostics.push(diagnostic('malformed-json-block', origin(context.page, firstError), firstError.message));
  const json = block.json;
  if (json?.kind !== 'object') return;
  const inTable = new Map(properties.map((p) => [p.name, p]));
  const inJson = new Set<string>();
  for (const entry of json.entries) {
    if (controlKey(entry.key) || inJson.has(entry.key)) continue;
    inJson.add(entry.key);
    const tableProperty = inTable.get(entry.key);
    const at = origin(context.page, entry);
    if (!tableProperty) {
      // Reported by link, once it knows whether the type inherits the property.
      if (!/^[A-Za-z_$][\w$-]*$/.test(entry.key)) continue;
      const typeOrigin = origin(context.page, entry.value);
      properties.push({ name: entry.key, type: typeOfJsonSample(entry.value), typeOrigin, description: '', facets: {}, navigation: false, source: 'json', origin: at });
      continue;
    }
    const table = coarseOfWritten(tableProperty.type);
    const sample = coarseOfJson(entry.value);
    if (table !== 'unknown' && sample !== 'unknown' && table !== sample) {
      context.diagnostics.push(diagnostic('json-type-mismatch', at, entry.key, table, sample));
    }
  }
  if (inJson.size === 0) return;
  for (const property of properties) {
    if (property.source === 'table' && !property.navigation && !inJson.has(property.name)) {
      context.diagnostics.push(diagnostic('table-property-not-in-json', property.origin, property.name));
    }
  }
}

export function buildPage(page: RawPage): Built {
  const diagnostics: Diagnostic[] = [];
  const { namespace: statedNamespace, stated } = pageNamespace(page, diagnostics);
  const fired: Fired = new Set();
  const context: PageContext = { page, namespace: statedNamespace, diagnostics, fired, placeholders: [] };
  const docType = String(page.frontMatter['doc_type'] ?? '').toLowerCase();
  const isEnumPage = docType === 'enumpagetype';
  const annotation = resourceAnnotation(page);

  const properties: UnlinkedProperty[] = [];
  const enums: EnumDeclaration[] = [];
  const proseEnums: EnumDeclaration[] = [];
  const rows: RowFacts = { seen: new Map(), proseEnums, ancestors: new Map() };
  let sawPropertyTable = false;
  const enumPageName = isEnumPage ? titleTypeName(page, fired) : undefined;

  for (const table of page.tables) {
    const { role, enumName } = tableRole(page, table, isEnumPage, fired);
    if (role === 'properties' || role === 'relationships') {
      sawPropertyTable = true;
      readRows(context, table, role === 'relationships', properties, rows);
    } else if (role === 'enum') {
      const name = enumName ?? enumPageName;
      if (name) enums.push(readEnum(context, table, name, enumName ? '' : pageDescription(context)));
    }
  }

  const objects: UnlinkedObject[] = [];
  // "## Properties" followed by "None." on a page titled "x resource type" still declares the type, with no properties.
  const emptyPropertiesSection = !annotation && !sawPropertyTable && !isEnumPage && page.headings.some((h) => h.depth > 1 && /^properties$/i.test(h.text.trim())) && titleTypeName(page) !== undefined;
  if (emptyPropertiesSection) fired.add('type-without-properties');
  if (annotation || sawPropertyTable || emptyPropertiesSection) {
    let written = annotatedType(annotation, fired);
    if (written !== undefined && !qualifiedNamePattern.test(written)) {
      diagnostics.push(diagnostic('invalid-type-name', origin(page, annotation ?? { line: 1, column: 1 }), written));
      written = undefined;
    }
    if (written === undefined) {
      // An enum page's title names its enum (read above); a resource page's title is the fallback for its type.
      written = titleTypeName(page, isEnumPage ? undefined : fired);
      if (written !== undefined && !isEnumPage && page.headings.some((h) => h.depth === 1 && titlePattern.test(h.text.replace(/`/g, '').trim()))) fired.add('type-name-from-title');
    }
    const at = origin(page, annotation ?? page.headings.find((h) => h.depth === 1) ?? { line: 1, column: 1 });
    if (!written || (isEnumPage && !annotation)) {
      if (!isEnumPage) diagnostics.push(diagnostic('missing-type-name', at));
    } else {
      const { namespace, name } = splitQualified(written, statedNamespace);
      if (stated && written.includes('.') && namespace !== statedNamespace) diagnostics.push(diagnostic('namespace-mismatch', at, namespace, statedNamespace));
      const baseType = annotation?.value?.['baseType'];
      const annotatedBase = typeof baseType === 'string' && qualifiedNamePattern.test(baseType.trim()) ? { type: { kind: 'name', name: baseType.replace(/^#/, '') } as WrittenType, origin: at } : undefined;
      const prose = statedBase(page);
      const derivedTypes = statedDerivedTypes(page);
      const rowAncestors = [...rows.ancestors.values()];
      const keyProperty = annotation?.value?.['keyProperty'];
      reconcileWithJson(context, annotation, properties);
      const annotatedOpen = annotation?.value?.['openType'] === true;
      const proseOpen = !annotatedOpen && saysOpenType(page.paragraphs);
      if (proseOpen) fired.add('open-type-prose');
      objects.push({
        kind: 'object',
        id: `${namespace}.${name}`,
        namespace,
        name,
        description: pageDescription(context),
        open: annotatedOpen || proseOpen,
        ...(typeof keyProperty === 'string' ? { keyProperty } : {}),
        ...(annotatedBase ? { annotatedBase } : {}),
        ...(prose ? { proseBase: prose } : {}),
        ...(derivedTypes.length > 0 ? { derivedTypes } : {}),
        ...(rowAncestors.length > 0 ? { rowAncestors } : {}),
        properties,
        origin: at,
      });
    }
  }
  if (objects.length === 0 && enums.length === 0 && !diagnostics.some((d) => d.code === 'missing-type-name')) {
    diagnostics.push(diagnostic('no-type-defined', { file: page.file, line: 1, column: 1 }));
  }
  const [firstPlaceholder] = [...context.placeholders].sort((a, b) => a.line - b.line || a.column - b.column);
  if (firstPlaceholder) diagnostics.push(diagnostic('placeholder-description', firstPlaceholder, context.placeholders.length));
  const quirks = quirkNames.filter((name) => fired.has(name));
  return { facts: { file: page.file, namespace: statedNamespace, objects, enums, proseEnums, quirks, placeholders: context.placeholders.length }, diagnostics };
}
