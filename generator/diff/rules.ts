/**
 * The classification rules of `graphdoc diff`: one table. Every change the
 * comparison reports names exactly one rule, and the rule alone decides how
 * the change affects a client that reads payloads (responses) and one that
 * writes them (requests). The README's rules table is this table.
 */

/** What a change is, structurally. */
export const changeKinds = [
  'type-added',
  'type-removed',
  'property-added',
  'property-removed',
  'property-type-changed',
  'property-nullability-changed',
  'property-readonly-changed',
  'property-renamed-case',
  'base-type-changed',
  'type-openness-changed',
  'enum-added',
  'enum-removed',
  'enum-member-added',
  'enum-member-removed',
  'enum-member-renamed-case',
  'namespace-changed',
] as const;

export type ChangeKind = (typeof changeKinds)[number];

export type Impact = 'breaking' | 'non-breaking' | 'unknown';

export interface Rule {
  readonly kind: ChangeKind;
  /** For a client that reads payloads (responses). */
  readonly read: Impact;
  /** For a client that writes payloads (requests). */
  readonly write: Impact;
  /** When the rule applies, and why it classifies as it does (one line, for the README). */
  readonly why: string;
}

export const rules = {
  'added-type': { kind: 'type-added', read: 'non-breaking', write: 'non-breaking', why: 'nothing that worked before depends on it' },
  'removed-type': { kind: 'type-removed', read: 'breaking', write: 'breaking', why: 'payloads of that type are no longer sent or accepted' },
  'added-property': { kind: 'property-added', read: 'non-breaking', write: 'non-breaking', why: 'readers accept unknown properties; writers need not send an optional one' },
  'added-required-property': { kind: 'property-added', read: 'non-breaking', write: 'breaking', why: 'the docs say it is required: requests without it fail' },
  'removed-property': { kind: 'property-removed', read: 'breaking', write: 'breaking', why: 'readers no longer receive it; writers that send it are rejected' },
  'renamed-property-case': { kind: 'property-renamed-case', read: 'breaking', write: 'breaking', why: 'JSON names are case-sensitive: it is a removal and an addition' },
  'collection-changed': { kind: 'property-type-changed', read: 'breaking', write: 'breaking', why: 'a single value became a collection or back: the JSON shape changes' },
  'primitive-changed': { kind: 'property-type-changed', read: 'breaking', write: 'breaking', why: 'another JSON kind (String → Int32, Boolean → String)' },
  'primitive-widened': { kind: 'property-type-changed', read: 'breaking', write: 'non-breaking', why: 'the new type admits more values (Int32 → Int64, Guid → String): readers may see values they did not' },
  'primitive-narrowed': { kind: 'property-type-changed', read: 'non-breaking', write: 'breaking', why: 'the new type admits fewer values (Int64 → Int32, String → DateTimeOffset): some requests that worked fail' },
  'string-to-enum': { kind: 'property-type-changed', read: 'non-breaking', write: 'breaking', why: 'the property became an enum the old docs already defined: readers still get strings; writers must now send a member' },
  'enum-to-string': { kind: 'property-type-changed', read: 'breaking', write: 'non-breaking', why: 'the property was an enum the new docs still define: readers may get values outside its members; writers still send strings' },
  'type-replaced': { kind: 'property-type-changed', read: 'breaking', write: 'breaking', why: 'one type became an unrelated one' },
  'type-generalized': { kind: 'property-type-changed', read: 'breaking', write: 'non-breaking', why: 'the new type is a base of the old one: readers may get other derived types' },
  'type-specialized': { kind: 'property-type-changed', read: 'non-breaking', write: 'breaking', why: 'the new type derives from the old one: writers that sent the old type or a sibling are rejected' },
  'known-value-added': { kind: 'property-type-changed', read: 'non-breaking', write: 'non-breaking', why: 'a String with documented values (an open union) documents one more: still any string' },
  'known-value-removed': { kind: 'property-type-changed', read: 'non-breaking', write: 'unknown', why: 'the docs no longer list a value of an open union: it may or may not still be accepted' },
  'became-nullable': { kind: 'property-nullability-changed', read: 'breaking', write: 'non-breaking', why: 'the docs said "not nullable" and now say nullable: readers may get null' },
  'became-not-nullable': { kind: 'property-nullability-changed', read: 'non-breaking', write: 'breaking', why: 'the docs said nullable and now say "not nullable": writers that send null are rejected' },
  'became-read-only': { kind: 'property-readonly-changed', read: 'non-breaking', write: 'breaking', why: 'writers that set it are rejected or ignored' },
  'became-writable': { kind: 'property-readonly-changed', read: 'non-breaking', write: 'non-breaking', why: 'writers may now set it' },
  'base-extended': { kind: 'base-type-changed', read: 'non-breaking', write: 'non-breaking', why: 'the new base derives from the old one: every inherited property and cast remains' },
  'base-replaced': { kind: 'base-type-changed', read: 'breaking', write: 'breaking', why: 'the new base does not derive from the old one: inherited properties and casts to the old base are lost' },
  'became-open': { kind: 'type-openness-changed', read: 'non-breaking', write: 'non-breaking', why: 'readers accept unknown properties; writers may now send dynamic ones' },
  'became-closed': { kind: 'type-openness-changed', read: 'non-breaking', write: 'breaking', why: 'dynamic properties that writers sent are rejected' },
  'added-enum': { kind: 'enum-added', read: 'non-breaking', write: 'non-breaking', why: 'nothing that worked before depends on it' },
  'removed-enum': { kind: 'enum-removed', read: 'breaking', write: 'breaking', why: 'properties of that type change or go' },
  'added-member-evolvable': { kind: 'enum-member-added', read: 'non-breaking', write: 'non-breaking', why: 'the old enum lists `unknownFutureValue` (Graph\'s evolvable enums): the service sends later members only to clients that ask for them' },
  'added-member': { kind: 'enum-member-added', read: 'breaking', write: 'non-breaking', why: 'the old enum has no `unknownFutureValue`: an exhaustive reader meets a value it does not know' },
  'removed-member': { kind: 'enum-member-removed', read: 'non-breaking', write: 'breaking', why: 'writers that send it are rejected' },
  'renamed-member-case': { kind: 'enum-member-renamed-case', read: 'breaking', write: 'breaking', why: 'members are case-sensitive: it is a removal and an addition' },
  'moved-namespace': { kind: 'namespace-changed', read: 'breaking', write: 'breaking', why: '`@odata.type` names the namespace: casts and type checks on it fail' },
} as const satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

/**
 * Differences between the models that are doc edits rather than API changes:
 * listed apart (`docEdits`), never counted, never failing a run. Each names
 * the reason it is not evidence that the API changed.
 */
export const docEditReasons = {
  'type-cell-unreadable': 'the Type cell could not be read on one side: the docs were fixed (or broken), not the API',
  'facet-stated-one-side': 'nullability or read-only is stated on one side only: the docs started (or stopped) saying it',
  'values-listed-one-side': 'a String lists its values on one side only: the docs started (or stopped) listing them',
  'base-stated-one-side': 'a base type is stated on one side only: the docs started (or stopped) saying it',
  'enum-documented': 'a String became an enum that only the new docs define (or back): the docs named the values the property already had',
  'type-documented': 'a type or enum has a page on one side only, and a property both sides have is of that type: it existed all along',
  'enum-unused': 'an enum only one side defines, and no property on that side is of it: nothing shows the API gained (or lost) it',
  'page-only-named': 'a type has a page on one side only, and the other side names it in a Type cell: the docs lost (or gained) the page, not the API the type',
} as const;

export type DocEditReason = keyof typeof docEditReasons;

export const ruleNames = Object.keys(rules) as RuleName[];
