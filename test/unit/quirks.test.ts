/**
 * One given/want fixture per doc-quirk rule of the catalogue
 * (generator/model/quirks.ts). `fixtures` is a Record over every rule name,
 * so a rule without a fixture does not compile. Each fixture is a small doc
 * set run through the whole pipeline; the test checks what the rule makes of
 * it (`want`, exact equality on a projection of the result) and that the rule
 * is the one that fired (counted on the page where it applies).
 */
import { describe, expect, it } from 'vitest';
import type { Declaration, ObjectDeclaration, TypeExpr } from '../../generator/model/ir.js';
import { quirkCatalogue, quirkNames, type QuirkName } from '../../generator/model/quirks.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';

type Pages = Readonly<Record<string, string>>;

interface Fixture {
  readonly given: Pages;
  /** What to look at in the result. */
  readonly look: (result: GenerateResult) => unknown;
  readonly want: unknown;
}

interface PageOptions {
  readonly annotation?: Readonly<Record<string, unknown>> | false;
  readonly title?: string;
  readonly header?: string;
  readonly rows?: readonly string[];
  readonly prose?: readonly string[];
  readonly extra?: readonly string[];
  readonly json?: readonly string[];
  readonly frontMatter?: readonly string[];
}

/** A resource page for `microsoft.graph.<type>` in the canonical layout, with what a fixture varies. */
function page(type: string, options: PageOptions = {}): string {
  const annotation = options.annotation === false ? undefined : { blockType: 'resource', '@odata.type': `microsoft.graph.${type}`, ...options.annotation };
  return [
    ...(options.frontMatter ? ['---', ...options.frontMatter, '---', ''] : []),
    options.title ?? `# ${type} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    ...(options.prose ?? [`A ${type}.`]),
    '',
    '## Properties',
    '',
    options.header ?? '|Property|Type|Description|',
    '|:---|:---|:---|',
    ...(options.rows ?? ['id|String|The identifier.']).map((r) => `|${r}|`),
    '',
    ...(options.extra ?? []),
    '## JSON representation',
    '',
    ...(annotation ? [`<!-- ${JSON.stringify(annotation)} -->`] : []),
    '```json',
    '{',
    ...(options.json ?? []),
    '}',
    '```',
    '',
  ].join('\n');
}

function enumPage(type: string, members: readonly string[], title = `# ${type} enum type`): string {
  return ['---', 'doc_type: enumPageType', '---', '', title, '', 'Namespace: microsoft.graph', '', '|Member|Description|', '|:---|:---|', ...members.map((m) => `|${m}|The ${m} member.|`), ''].join('\n');
}

const find = (result: GenerateResult, id: string): Declaration | undefined => result.model.declarations.find((d) => d.id === id);
const object = (result: GenerateResult, id: string): ObjectDeclaration | undefined => {
  const d = find(result, id);
  return d?.kind === 'object' ? d : undefined;
};
const ids = (result: GenerateResult): string[] => result.model.declarations.map((d) => d.id);
const typeOf = (result: GenerateResult, id: string, property: string): TypeExpr | undefined => object(result, id)?.properties.find((p) => p.name === property)?.type;
const baseOf = (result: GenerateResult, id: string): string | undefined => object(result, id)?.baseId;
const names = (result: GenerateResult, id: string): string[] | undefined => object(result, id)?.properties.map((p) => p.name);
const codes = (result: GenerateResult): string[] => result.diagnostics.map((d) => d.code);
const ref = (id: string): TypeExpr => ({ kind: 'ref', id });
const primitive = (name: 'String' | 'Int32' | 'Int64' | 'DateTimeOffset'): TypeExpr => ({ kind: 'primitive', name });
const collection = (element: TypeExpr): TypeExpr => ({ kind: 'collection', element });
const entity = page('entity');

const fixtures: Record<QuirkName, Fixture> = {
  // Type names
  'at-type-annotation': {
    // JSON.stringify leaves out the undefined "@odata.type".
    given: { 'gadget.md': page('gadget', { annotation: { '@odata.type': undefined, '@type': 'microsoft.graph.gadget' } }) },
    look: ids,
    want: ['microsoft.graph.gadget'],
  },
  'type-name-from-title': { given: { 'gadget.md': page('gadget', { annotation: false }) }, look: ids, want: ['microsoft.graph.gadget'] },
  'type-name-from-front-matter': {
    given: { 'gadget.md': page('gadget', { annotation: false, title: '# About gadgets', frontMatter: ['title: "gadget resource type"'] }) },
    look: ids,
    want: ['microsoft.graph.gadget'],
  },
  'type-without-properties': {
    given: { 'shape.md': ['# shape resource type', '', 'Namespace: microsoft.graph', '', 'An abstract shape. Derived from [entity](entity.md).', '', '## Properties', '', 'None.', ''].join('\n'), 'entity.md': entity },
    look: (r) => [object(r, 'microsoft.graph.shape')?.properties, baseOf(r, 'microsoft.graph.shape')],
    want: [[], 'microsoft.graph.entity'],
  },
  'title-without-space': { given: { 'color.md': enumPage('color', ['red', 'green'], '#color enum type') }, look: ids, want: ['microsoft.graph.color'] },
  // Tables
  'header-alias': { given: { 'gadget.md': page('gadget', { header: '|Name|Data type|Description|', rows: ['size|Int32|The size.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'size'), want: primitive('Int32') },
  'properties-of-something-else': {
    given: { 'policy.md': page('policy', { rows: ['definition|String collection|A JSON document, described below.'], extra: ['### Properties of a policy definition', '', '|Property|Type|Description|', '|:---|:---|:---|', '|Version|Int32|The version.|', ''] }) },
    look: (r) => names(r, 'microsoft.graph.policy'),
    want: ['definition'],
  },
  'group-row': { given: { 'gadget.md': page('gadget', { rows: ['**Sizes**| |', 'size|Int32|The size.'] }) }, look: (r) => names(r, 'microsoft.graph.gadget'), want: ['size'] },
  'name-with-remark': { given: { 'gadget.md': page('gadget', { rows: ['size (deprecated)|Int32|The size.'] }) }, look: (r) => names(r, 'microsoft.graph.gadget'), want: ['size'] },
  // Type cells
  'collection-call-syntax': { given: { 'gadget.md': page('gadget', { rows: ['sizes|Collection(Int32)|Sizes.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'sizes'), want: collection(primitive('Int32')) },
  'collection-of-phrase': { given: { 'gadget.md': page('gadget', { rows: ['sizes|collection of Int32|Sizes.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'sizes'), want: collection(primitive('Int32')) },
  'array-brackets': { given: { 'gadget.md': page('gadget', { rows: ['sizes|Int32[]|Sizes.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'sizes'), want: collection(primitive('Int32')) },
  'repeated-collection': {
    given: { 'gadget.md': page('gadget', { rows: ['policies|[routingPolicy](routingpolicy.md) collection collection|Policies.'] }), 'routingpolicy.md': page('routingPolicy') },
    look: (r) => typeOf(r, 'microsoft.graph.gadget', 'policies'),
    want: collection(ref('microsoft.graph.routingPolicy')),
  },
  'edm-prefix': { given: { 'gadget.md': page('gadget', { rows: ['size|Edm.Int64|The size.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'size'), want: primitive('Int64') },
  'primitive-alias': { given: { 'gadget.md': page('gadget', { rows: ['made|Timestamp|When.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'made'), want: primitive('DateTimeOffset') },
  'type-cell-remark': { given: { 'gadget.md': page('gadget', { rows: ['code|String (identifier)|The code.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'code'), want: primitive('String') },
  'unclosed-link': {
    given: { 'gadget.md': page('gadget', { rows: ['owner|[user](user.md|The owner.'] }), 'user.md': page('user') },
    look: (r) => typeOf(r, 'microsoft.graph.gadget', 'owner'),
    want: ref('microsoft.graph.user'),
  },
  'primitive-link-text': { given: { 'gadget.md': page('gadget', { rows: ['made|[DateTimeOffset](timestamp.md)|When.'] }) }, look: (r) => typeOf(r, 'microsoft.graph.gadget', 'made'), want: primitive('DateTimeOffset') },
  'link-text-names-type': {
    given: { 'gadget.md': page('gadget', { rows: ['owner|[person](user.md)|The owner.'] }), 'user.md': page('user'), 'person.md': page('person') },
    look: (r) => [typeOf(r, 'microsoft.graph.gadget', 'owner'), codes(r)],
    want: [ref('microsoft.graph.person'), ['link-text-conflict']],
  },
  'alternatives-common-base': {
    given: {
      'gadget.md': page('gadget', { rows: ['target|[user](user.md) or [group](group.md)|The target.'] }),
      'user.md': page('user', { annotation: { baseType: 'microsoft.graph.entity' } }),
      'group.md': page('group', { annotation: { baseType: 'microsoft.graph.entity' } }),
      'entity.md': entity,
    },
    look: (r) => typeOf(r, 'microsoft.graph.gadget', 'target'),
    want: ref('microsoft.graph.entity'),
  },
  // Descriptions
  'placeholder-description': {
    given: { 'gadget.md': page('gadget', { prose: ['**TODO: Add Description**'], rows: ['size|Int32|**TODO: Add Description**', 'name|String|Not yet documented. The name.'] }) },
    look: (r) => [object(r, 'microsoft.graph.gadget')?.description, object(r, 'microsoft.graph.gadget')?.properties.map((p) => p.description), r.placeholders, codes(r)],
    want: ['', ['', 'The name.'], 3, ['placeholder-description']],
  },
  'possible-values-union': {
    given: { 'gadget.md': page('gadget', { rows: ['color|String|The color. Possible values are: `red`, `green`.'] }) },
    look: (r) => object(r, 'microsoft.graph.gadget')?.properties[0]?.knownValues,
    want: ['red', 'green'],
  },
  'values-sentence-end': {
    given: { 'gadget.md': page('gadget', { rows: ['color|String|Possible values are: `red`, `green`. Supports `$filter` (`eq`, `ne`, `NOT`).'] }) },
    look: (r) => object(r, 'microsoft.graph.gadget')?.properties[0]?.knownValues,
    want: ['red', 'green'],
  },
  'prose-enum': {
    given: { 'gadget.md': page('gadget', { rows: ['color|gadgetColor|Possible values are: `red`, `green`.'] }) },
    look: (r) => {
      const d = find(r, 'microsoft.graph.gadgetColor');
      return d?.kind === 'enum' ? [d.source, d.members.map((m) => m.name)] : d;
    },
    want: ['prose', ['red', 'green']],
  },
  'open-type-prose': { given: { 'gadget.md': page('gadget', { prose: ['A gadget. This is an open type.'] }) }, look: (r) => object(r, 'microsoft.graph.gadget')?.open, want: true },
  // Base types
  'inherits-from-prose': {
    given: { 'gadget.md': page('gadget', { prose: ['A gadget. Inherited from [entity](entity.md) entity.'] }), 'entity.md': entity },
    look: (r) => baseOf(r, 'microsoft.graph.gadget'),
    want: 'microsoft.graph.entity',
  },
  'subclass-prose': {
    given: { 'gadget.md': page('gadget', { prose: ['A gadget. This creates a subclass from [entity](entity.md), with a size.'] }), 'entity.md': entity },
    look: (r) => baseOf(r, 'microsoft.graph.gadget'),
    want: 'microsoft.graph.entity',
  },
  'base-name-without-link': {
    given: { 'gadget.md': page('gadget', { prose: ['A gadget. Derived from [entity].'] }), 'entity.md': entity },
    look: (r) => baseOf(r, 'microsoft.graph.gadget'),
    want: 'microsoft.graph.entity',
  },
  'derived-types-section': {
    given: {
      'shape.md': page('shape', { extra: ['## Derived types', '', '|Type|Description|', '|:---|:---|', '|[circle](circle.md)|A circle.|', '|[square](square.md)|A square.|', ''] }),
      'circle.md': page('circle'),
      'square.md': page('square'),
    },
    look: (r) => [baseOf(r, 'microsoft.graph.circle'), baseOf(r, 'microsoft.graph.square')],
    want: ['microsoft.graph.shape', 'microsoft.graph.shape'],
  },
  'derived-types-sentence': {
    given: {
      'shape.md': page('shape', { prose: ['A shape. This is a base class; the derived types are [circle](circle.md) and [square](square.md).'] }),
      'outcome.md': page('outcome', { prose: ['An outcome. Supported derived types:', '', '- [pointsOutcome](pointsoutcome.md) for points', '- A rubric ([rubricOutcome](rubricoutcome.md) resource)'] }),
      'circle.md': page('circle'),
      'square.md': page('square'),
      'pointsoutcome.md': page('pointsOutcome'),
      'rubricoutcome.md': page('rubricOutcome'),
    },
    look: (r) => ['circle', 'square', 'pointsOutcome', 'rubricOutcome'].map((n) => baseOf(r, `microsoft.graph.${n}`)),
    want: ['microsoft.graph.shape', 'microsoft.graph.shape', 'microsoft.graph.outcome', 'microsoft.graph.outcome'],
  },
  'inherited-from-row': {
    given: {
      'gadget.md': page('gadget', { rows: ['id|String|The identifier, inherited from microsoft.graph.entity.', 'name|String|The name. Inherited from [item](item.md).', 'size|Int32|The size.'] }),
      'item.md': page('item', { annotation: { baseType: 'microsoft.graph.entity' } }),
      'entity.md': entity,
    },
    look: (r) => baseOf(r, 'microsoft.graph.gadget'),
    want: 'microsoft.graph.item',
  },
  'more-specific-base': {
    given: {
      'gadget.md': page('gadget', { prose: ['A gadget. Inherits from [item](item.md).'], annotation: { baseType: 'microsoft.graph.entity' } }),
      'item.md': page('item', { annotation: { baseType: 'microsoft.graph.entity' } }),
      'entity.md': entity,
    },
    look: (r) => [baseOf(r, 'microsoft.graph.gadget'), codes(r)],
    want: ['microsoft.graph.item', ['base-type-conflict']],
  },
  // Pages
  'type-split-over-pages': {
    given: { 'gadget.md': page('gadget', { rows: ['size|Int32|The size.'] }), 'gadget-more.md': page('gadget', { rows: ['color|String|The color.'] }) },
    look: (r) => names(r, 'microsoft.graph.gadget'),
    want: ['size', 'color'],
  },
  'enum-defined-twice': {
    given: { 'color.md': enumPage('color', ['red', 'green']), 'enums.md': ['# Enums', '', '### color values', '', '|Member|Description|', '|:---|:---|', '|green|Green.|', '|blue|Blue.|', ''].join('\n') },
    look: (r) => {
      const d = find(r, 'microsoft.graph.color');
      return d?.kind === 'enum' ? d.members.map((m) => m.name) : d;
    },
    want: ['red', 'green', 'blue'],
  },
  'namespace-case': {
    given: {
      'term.md': page('term').replace('"microsoft.graph.term"', '"microsoft.graph.termStore.term"'),
      'set.md': page('set').replace('"microsoft.graph.set"', '"microsoft.graph.termStore.set"'),
      'group.md': page('group').replace('"microsoft.graph.group"', '"microsoft.graph.termstore.group"'),
    },
    look: (r) => [ids(r), codes(r), [...r.files.keys()].filter((path) => /termstore/i.test(path))],
    want: [
      ['microsoft.graph.termStore.group', 'microsoft.graph.termStore.set', 'microsoft.graph.termStore.term'],
      ['namespace-case-conflict', 'namespace-mismatch', 'namespace-mismatch', 'namespace-mismatch'],
      ['microsoft.graph.termStore.ts', 'microsoft.graph.termStore.validators.ts'],
    ],
  },
  'json-only-property': {
    given: { 'gadget.md': page('gadget', { rows: ['id|String|The identifier.'], json: ['"id": "String",', '"size": 1024'] }) },
    look: (r) => [typeOf(r, 'microsoft.graph.gadget', 'size'), codes(r)],
    want: [primitive('Int32'), ['json-property-not-in-table']],
  },
};

describe('doc-quirk rules', () => {
  it('every rule of the catalogue has a fixture, in catalogue order', () => {
    expect(Object.keys(fixtures)).toEqual(quirkNames);
  });

  it.each(quirkNames)('%s', (rule) => {
    const fixture = fixtures[rule];
    const result = generate(Object.entries(fixture.given).map(([path, text]) => ({ path, text })));
    expect(fixture.look(result), quirkCatalogue[rule].summary).toEqual(fixture.want);
    expect(result.quirks[rule], `${rule} fired`).toBeGreaterThanOrEqual(1);
  });

  it('none fires on a page in the canonical layout', () => {
    const result = generate([
      { path: 'entity.md', text: entity },
      { path: 'gadget.md', text: page('gadget', { annotation: { baseType: 'microsoft.graph.entity' }, rows: ['id|String|The identifier.', 'sizes|Int32 collection|The sizes.', 'owner|[entity](entity.md)|The owner.'], json: ['"id": "String",', '"sizes": [1024],', '"owner": {"@odata.type": "microsoft.graph.entity"}'] }) },
    ]);
    expect(result.quirks).toEqual({});
  });
});
