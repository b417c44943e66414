/**
 * Doc quirks: the named rules by which the model reads what people write in
 * other ways than the canonical page layout. This is the catalogue: every
 * rule, in the order its family applies them, with what it accepts. Each rule
 * is implemented where its family is read (type names and tables in
 * `build.ts`, Type cells in `written-type.ts`, descriptions in
 * `descriptions.ts`, base types in `base-types.ts` and `link.ts`), has one
 * given/want fixture in `test/unit/quirks.test.ts` (the test fails for a rule
 * without one), and is counted: `build` records the rules that fired on each
 * page (`PageFacts.quirks`), `link` those that fired while linking, and the
 * pipeline reports on how many pages each rule fired (`npm run corpus`).
 *
 * A new quirk is one entry here, one rule in its family, one fixture.
 */

export type QuirkFamily = 'type names' | 'tables' | 'type cells' | 'descriptions' | 'base types' | 'pages';

interface QuirkEntry {
  readonly family: QuirkFamily;
  /** What the docs write that the rule accepts, and what it is read as. */
  readonly summary: string;
}

export const quirkCatalogue = {
  // Type names
  'at-type-annotation': { family: 'type names', summary: 'the resource annotation names the type with "@type" instead of "@odata.type"' },
  'type-name-from-title': { family: 'type names', summary: 'no resource annotation names the type: the title ("# x resource type") does' },
  'type-name-from-front-matter': { family: 'type names', summary: 'neither annotation nor heading names the type: the front matter title does' },
  'type-without-properties': { family: 'type names', summary: 'a page titled "x resource type" whose Properties section has no table ("None."), with no annotation: the type, with no properties' },
  'title-without-space': { family: 'type names', summary: '"#x enum type", a title missing the space after "#" (a paragraph to CommonMark), names the type' },
  // Tables
  'header-alias': { family: 'tables', summary: 'a properties table whose name column is headed "Name", "Property name", "Relationship name", "Field"… or whose type column "Data type", "Type name"…' },
  'properties-of-something-else': { family: 'tables', summary: 'a "Properties of a … definition" section lists the fields of a JSON document a String property holds: not properties of the type' },
  'group-row': { family: 'tables', summary: 'a row such as "| **Calendar** | | |" groups the rows below it: not a property' },
  'name-with-remark': { family: 'tables', summary: 'a name cell with a trailing remark ("id (deprecated)"): the name before the remark' },
  // Type cells
  'collection-call-syntax': { family: 'type cells', summary: '"Collection(X)" for "X collection"' },
  'collection-of-phrase': { family: 'type cells', summary: '"collection of X" for "X collection"' },
  'array-brackets': { family: 'type cells', summary: '"X[]" for "X collection"' },
  'repeated-collection': { family: 'type cells', summary: '"X collection collection" (OData has no collections of collections): one collection' },
  'edm-prefix': { family: 'type cells', summary: '"Edm.String" for "String"' },
  'primitive-alias': { family: 'type cells', summary: 'a name that is not Edm\'s for a primitive ("int", "bool", "DateTime", "Timestamp", "Url"…)' },
  'type-cell-remark': { family: 'type cells', summary: 'a Type cell with a trailing remark ("String (identifier)"): the type before the remark' },
  'unclosed-link': { family: 'type cells', summary: 'a link missing its closing parenthesis ("[x](x.md"): the type its text names' },
  'primitive-link-text': { family: 'type cells', summary: 'a link whose text is an Edm primitive ("[DateTimeOffset](timestamp.md)"): the primitive' },
  'link-text-names-type': { family: 'type cells', summary: 'a link whose text names another type than its target page declares: the type the text names, with a warning' },
  'alternatives-common-base': { family: 'type cells', summary: '"[a](a.md) or [b](b.md)": their nearest common base type' },
  // Descriptions
  'placeholder-description': { family: 'descriptions', summary: 'a description that is only a placeholder ("**TODO: Add Description**", "TBD"): left out of JSDoc, with one note per page' },
  'possible-values-union': { family: 'descriptions', summary: 'a String property whose description lists its values ("Possible values are: `a`, `b`"): an open union of them' },
  'values-sentence-end': { family: 'descriptions', summary: 'code spans after the sentence that lists the values (`$filter` operators such as `eq`, `ne`) are not values' },
  'prose-enum': { family: 'descriptions', summary: 'a Type cell names an enum no page defines and the description lists its members: an enum of them' },
  'open-type-prose': { family: 'descriptions', summary: '"is an open type" in the text, where the annotation does not say openType' },
  // Base types
  'inherits-from-prose': { family: 'base types', summary: '"Inherits from [x]", "Inherited from [x] entity", "Derived from [x]", "inherits the properties from [x]" on the derived page' },
  'subclass-prose': { family: 'base types', summary: '"A subclass of [x]", "This creates a subclass from [x]" on the derived page' },
  'base-name-without-link': { family: 'base types', summary: 'a base type stated in prose by name, without a link target ("Derived from [x].", "inherits from microsoft.graph.entity")' },
  'derived-types-section': { family: 'base types', summary: 'a "Derived types" section on the base page (a table or a list of links) names the types that derive from it' },
  'derived-types-sentence': { family: 'base types', summary: '"the derived types are [a], [b] and [c]", "Supported derived types:" and a list, on the base page' },
  'inherited-from-row': { family: 'base types', summary: 'property rows saying "Inherited from [x]" (or "inherited from microsoft.graph.entity") name an ancestor, used when nothing else states the base' },
  'more-specific-base': { family: 'base types', summary: 'two statements of the base disagree and one names a type that derives from the other: the more specific, with a warning' },
  // Pages
  'type-split-over-pages': { family: 'pages', summary: 'one type declared on several pages (Intune splits deviceManagement over sixteen): merged, the page named after the type first' },
  'enum-defined-twice': { family: 'pages', summary: 'an enum defined on its own page and in a section (or enums.md): merged' },
  'namespace-case': { family: 'pages', summary: 'namespaces that differ only in case: merged into the spelling most declarations use, with a warning' },
  'json-only-property': { family: 'pages', summary: 'a property only the JSON representation lists: added with a type read from the sample, with a warning' },
} as const satisfies Record<string, QuirkEntry>;

export type QuirkName = keyof typeof quirkCatalogue;

export const quirkNames = Object.keys(quirkCatalogue) as QuirkName[];

/** The rules that fired while reading one page or linking: added to by the rules' readers. */
export type Fired = Set<QuirkName>;

/** A rule that fired, and on which page. */
export interface QuirkFiring {
  readonly rule: QuirkName;
  readonly file: string;
}

/** On how many pages each rule fired, in catalogue order; rules that never fired are left out. */
export function countFirings(firings: Iterable<QuirkFiring>): Partial<Record<QuirkName, number>> {
  const pages = new Map<QuirkName, Set<string>>();
  for (const { rule, file } of firings) {
    const files = pages.get(rule) ?? new Set<string>();
    files.add(file);
    pages.set(rule, files);
  }
  const counts: Partial<Record<QuirkName, number>> = {};
  for (const name of quirkNames) {
    const files = pages.get(name);
    if (files) counts[name] = files.size;
  }
  return counts;
}
