/**
 * The intermediate model: the one file that defines it. Plain, readonly,
 * JSON-serialisable data. Declarations are keyed by id (the qualified name as
 * the docs write it, e.g. `microsoft.graph.user`); type expressions refer to
 * declarations by id. Names as the docs write them are kept apart from
 * TypeScript names, which `names.ts` assigns in one late pass.
 */
import type { Origin } from '../diagnostics.js';
import type { QuirkName } from './quirks.js';

export type { Origin };

/** Edm primitive types, by their canonical name without the `Edm.` prefix. */
export const edmPrimitives = [
  'Binary',
  'Boolean',
  'Byte',
  'Date',
  'DateTimeOffset',
  'Decimal',
  'Double',
  'Duration',
  'Guid',
  'Int16',
  'Int32',
  'Int64',
  'SByte',
  'Single',
  'Stream',
  'String',
  'TimeOfDay',
] as const;

export type EdmPrimitive = (typeof edmPrimitives)[number];

export type TypeExpr =
  | { readonly kind: 'primitive'; readonly name: EdmPrimitive }
  | { readonly kind: 'ref'; readonly id: string }
  | { readonly kind: 'collection'; readonly element: TypeExpr }
  /** A type the docs name but no page defines; kept as written for diagnostics. */
  | { readonly kind: 'unknown'; readonly written: string };

/** Facets stated in the description. `undefined` means the docs say nothing. */
export interface Facets {
  readonly nullable?: boolean;
  readonly readOnly?: boolean;
  readonly required?: boolean;
}

export interface Property {
  /** The JSON name, as the docs write it. */
  readonly name: string;
  readonly type: TypeExpr;
  readonly description: string;
  readonly facets: Facets;
  /**
   * For a String property whose description lists its values ("Possible
   * values are: `a`, `b`"): those values. The type stays String (the docs may
   * list only some); emitters may offer them as suggestions.
   */
  readonly knownValues?: readonly string[];
  /** From a Relationships table (a navigation property). */
  readonly navigation: boolean;
  /** Where the property came from: a table row or, failing that, the JSON representation. */
  readonly source: 'table' | 'json';
  readonly origin: Origin;
}

export interface ObjectDeclaration {
  readonly kind: 'object';
  readonly id: string;
  readonly namespace: string;
  /** The type name as the docs write it (without namespace). */
  readonly name: string;
  readonly description: string;
  /** Id of the base type, once linked. */
  readonly baseId?: string;
  readonly open: boolean;
  /** An entity (has a key or derives from one) rather than a complex type; informational. */
  readonly keyProperty?: string;
  readonly properties: readonly Property[];
  readonly origin: Origin;
}

export interface EnumMember {
  readonly name: string;
  readonly value?: number;
  readonly description: string;
  readonly origin: Origin;
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly description: string;
  /** A flags enum: documented values are distinct powers of two. */
  readonly flags: boolean;
  readonly members: readonly EnumMember[];
  /** Where the members were found: an enum page or section, or the prose of a property description. */
  readonly source: 'table' | 'prose';
  readonly origin: Origin;
}

export type Declaration = ObjectDeclaration | EnumDeclaration;

export interface Model {
  /** Declarations sorted by id (code-unit order). */
  readonly declarations: readonly Declaration[];
  /** Number of pages read, for reporting. */
  readonly pageCount: number;
  /**
   * Where links in descriptions lead: a page path (lower case, relative to
   * the specs directory) → id of the declaration the page defines (its
   * object type, else its first enum); `path#anchor` → the enum the anchor
   * names. Emitters turn such links into `{@link Name}`.
   */
  readonly linkTargets: Readonly<Record<string, string>>;
}

/** TypeScript names, assigned late: declaration id → name, and namespace → module alias. */
export interface Naming {
  readonly typeNames: Readonly<Record<string, string>>;
  readonly namespaceAliases: Readonly<Record<string, string>>;
}

/*
 * Page-level, unlinked forms: what `build` makes of one page before `link`
 * resolves names and links across pages.
 */

/** A type as a table cell writes it, before cross-page resolution. */
export type WrittenType =
  | { readonly kind: 'primitive'; readonly name: EdmPrimitive }
  | { readonly kind: 'collection'; readonly element: WrittenType }
  /** A markdown link to a page (`../resources/x.md`, `x.md#y-values`); `text` is the link text. */
  | { readonly kind: 'link'; readonly url: string; readonly text: string }
  /** A link to an anchor on the same page (`#agegroup-values`). */
  | { readonly kind: 'anchor'; readonly slug: string; readonly text: string }
  /** A bare or qualified type name (`synchronizationTaskExecutionResult`, `microsoft.graph.user`). */
  | { readonly kind: 'name'; readonly name: string }
  /** Several types offered as alternatives ("[a](a.md) or [b](b.md)"). */
  | { readonly kind: 'oneOf'; readonly options: readonly WrittenType[] }
  /** Anything else, or nothing. */
  | { readonly kind: 'unreadable'; readonly written: string };

export interface UnlinkedProperty extends Omit<Property, 'type'> {
  readonly type: WrittenType;
  /** Where the Type cell (or JSON value) is, for diagnostics about the type. */
  readonly typeOrigin: Origin;
}

/** A type a page states in relation to another (a base type, a derived type), as written. */
export interface WrittenBase {
  readonly type: WrittenType;
  readonly origin: Origin;
  /** The quirk rule that read it; none for the annotation's `baseType`. */
  readonly rule?: QuirkName;
}

export interface UnlinkedObject extends Omit<ObjectDeclaration, 'baseId' | 'properties'> {
  /** The annotation's `baseType`. */
  readonly annotatedBase?: WrittenBase;
  /** "Inherits from [x](x.md)" in the text. */
  readonly proseBase?: WrittenBase;
  /** Types the page says derive from this one (a "Derived types" section or sentence). */
  readonly derivedTypes?: readonly WrittenBase[];
  /** Ancestors the property rows name ("Inherited from [x]"), each once, in row order. */
  readonly rowAncestors?: readonly WrittenBase[];
  readonly properties: readonly UnlinkedProperty[];
}

/** What one page declares, before linking. */
export interface PageFacts {
  readonly file: string;
  readonly namespace: string;
  readonly objects: readonly UnlinkedObject[];
  /** Enums from enum pages and `x values` sections. */
  readonly enums: readonly EnumDeclaration[];
  /** Enums named in a Type cell whose members appear only in the description prose; used when no page defines the name. */
  readonly proseEnums: readonly EnumDeclaration[];
  /** The quirk rules that fired while reading the page (catalogue order). */
  readonly quirks: readonly QuirkName[];
  /** Descriptions that were only a placeholder ("TODO: Add Description"), left out. */
  readonly placeholders: number;
}
