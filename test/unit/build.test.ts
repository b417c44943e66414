/**
 * Build: one raw page → PageFacts. Small pages through parse + extract, then
 * exact PageFacts and diagnostics.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { extractPage, type RawText } from '../../generator/extract.js';
import { buildPage, enumSectionName, facetsOf, type Built } from '../../generator/model/build.js';
import { listedValues } from '../../generator/model/descriptions.js';
import type { EnumDeclaration, Facets, UnlinkedProperty, WrittenType } from '../../generator/model/ir.js';
import { parseMarkdown } from '../../generator/parse.js';

function build(source: string, file = 'widget.md'): Built {
  const { page } = extractPage(file, source, parseMarkdown(source));
  const built = buildPage(page);
  const lineCount = source.split('\n').length;
  for (const d of built.diagnostics) {
    expect(d.line, d.code).toBeGreaterThanOrEqual(1);
    expect(d.line, d.code).toBeLessThanOrEqual(lineCount);
  }
  return built;
}

const lines = (...text: string[]) => text.join('\n');
const at = (line: number, column = 1, file = 'widget.md') => ({ file, line, column });
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column });

const String_: WrittenType = { kind: 'primitive', name: 'String' };

describe('facetsOf', () => {
  const cases: { given: string; want: Facets }[] = [
    { given: '', want: {} },
    { given: 'The display name.', want: {} },
    { given: 'Not nullable.', want: { nullable: false } },
    { given: 'The identifier. Non-nullable.', want: { nullable: false } },
    { given: 'Cannot be null.', want: { nullable: false } },
    { given: 'Never null.', want: { nullable: false } },
    { given: 'Nullable.', want: { nullable: true } },
    { given: 'The date. Can be null.', want: { nullable: true } },
    { given: 'Read-only.', want: { readOnly: true } },
    { given: 'readonly', want: { readOnly: true } },
    { given: 'Required.', want: { required: true } },
    { given: 'The name (required)', want: { required: true } },
    { given: 'This property is required when creating a widget', want: { required: true } },
    { given: 'Read-only. Not nullable. Required.', want: { readOnly: true, nullable: false, required: true } },
    { given: 'Read-only. Nullable.', want: { readOnly: true, nullable: true } },
    { given: 'Optional; not required.', want: {} },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(facetsOf(given)).toEqual(want);
  });
});

describe('enumSectionName', () => {
  const cases: { given: string; want: string | undefined }[] = [
    { given: 'ageGroup values', want: 'ageGroup' },
    { given: 'riskLevel value', want: 'riskLevel' },
    { given: 'callType enum type', want: 'callType' },
    { given: 'callType enumeration type', want: 'callType' },
    { given: 'riskLevel enumeration', want: 'riskLevel' },
    { given: 'status enum values', want: 'status' },
    { given: 'status members', want: 'status' },
    { given: '`mediaDirection` values', want: 'mediaDirection' },
    { given: 'microsoft.graph.riskLevel values', want: 'microsoft.graph.riskLevel' },
    { given: '  padded values  ', want: 'padded' },
    { given: 'Property values', want: undefined },
    { given: 'Possible values', want: undefined },
    { given: 'Allowed values', want: undefined },
    { given: 'Enum values', want: undefined },
    { given: 'The values', want: undefined },
    { given: 'Properties', want: undefined },
    { given: 'JSON representation', want: undefined },
    { given: 'Values', want: undefined },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(enumSectionName(given)).toEqual(want);
  });
});

describe('listedValues', () => {
  const text = (value: string): RawText => {
    const codes = [...value.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
    const plain = value.replace(/`/g, '');
    return { line: 1, column: 1, text: plain, markdown: value, links: [], codes };
  };
  const cases: { given: string; want: string[] }[] = [
    { given: 'The state. Possible values are: `queued`, `running`, `unknownFutureValue`.', want: ['queued', 'running', 'unknownFutureValue'] },
    { given: 'Possible value is `on`.', want: ['on'] },
    { given: 'Allowed values: `a`, `b`.', want: ['a', 'b'] },
    { given: 'Can be one of `low`, `high`.', want: ['low', 'high'] },
    { given: 'The kind. The supported values are `x1`, `x1`, `y`.', want: ['x1', 'y'] },
    { given: 'Possible values are: `a b`, `c-d`, `ok`, `2fa`.', want: ['ok'] },
    { given: 'The state, for example `queued`.', want: [] },
    { given: 'Set by `run`. Possible values are: `running`, `stopped`.', want: ['running', 'stopped'] },
    { given: 'No codes. Possible values are listed elsewhere.', want: [] },
    // Only the sentence that lists the values: later code spans are something else.
    { given: 'Possible values are: `a`, `b`. Supports `$filter` (`eq`, `ne`, `NOT`).', want: ['a', 'b'] },
    { given: 'Valid values are defined by a setting. Supports `$filter` (`eq`, `ne`).', want: [] },
    { given: 'Possible values are `a` (e.g. `a.b`) and `c`; default `a`.', want: ['a', 'c'] },
    // A line break (`<br>` in a cell, which extract turns into one) ends the sentence.
    { given: 'Possible values are: `a`\nSupports `$filter` (`eq`).', want: ['a'] },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(listedValues(text(given))).toEqual(want);
  });
});

describe('property and relationship tables', () => {
  const page = lines(
    '# widget resource type', //                                          1
    '', //                                                                2
    'Namespace: microsoft.graph', //                                      3
    '', //                                                                4
    'A widget on a dashboard.', //                                        5
    '', //                                                                6
    '## Properties', //                                                   7
    '', //                                                                8
    '|Property|Type|Description|', //                                     9
    '|:---|:---|:---|', //                                                10
    '|id|String|The identifier. Read-only. Not nullable.|', //            11
    '|tags|String collection|Labels. Nullable.|', //                      12
    '', //                                                                13
    '## Relationships', //                                                14
    '', //                                                                15
    '|Relationship|Type|Description|', //                                 16
    '|:---|:---|:---|', //                                                17
    '|owner|[user](user.md)|The owner. Read-only.|', //                   18
    '|parts|[widgetPart](widgetpart.md) collection|The parts.|', //       19
    '', //                                                                20
    '## Methods', //                                                      21
    '', //                                                                22
    '|Method|Return type|Description|', //                                23
    '|:---|:---|:---|', //                                                24
    '|[Get widget](widget-get.md)|[widget](widget.md)|Read a widget.|', // 25
  );

  it('reads properties and navigation properties, and ignores the methods table', () => {
    expect(build(page)).toEqual({
      facts: {
        file: 'widget.md',
        namespace: 'microsoft.graph',
        objects: [
          {
            kind: 'object',
            id: 'microsoft.graph.widget',
            namespace: 'microsoft.graph',
            name: 'widget',
            description: 'A widget on a dashboard.',
            open: false,
            properties: [
              { name: 'id', type: String_, typeOrigin: at(11, 5), description: 'The identifier. Read-only. Not nullable.', facets: { readOnly: true, nullable: false }, navigation: false, source: 'table', origin: at(11, 2) },
              { name: 'tags', type: { kind: 'collection', element: String_ }, typeOrigin: at(12, 7), description: 'Labels. Nullable.', facets: { nullable: true }, navigation: false, source: 'table', origin: at(12, 2) },
              { name: 'owner', type: { kind: 'link', url: 'user.md', text: 'user' }, typeOrigin: at(18, 8), description: 'The owner. Read-only.', facets: { readOnly: true }, navigation: true, source: 'table', origin: at(18, 2) },
              {
                name: 'parts',
                type: { kind: 'collection', element: { kind: 'link', url: 'widgetpart.md', text: 'widgetPart' } },
                typeOrigin: at(19, 8),
                description: 'The parts.',
                facets: {},
                navigation: true,
                source: 'table',
                origin: at(19, 2),
              },
            ],
            origin: at(1),
          },
        ],
        enums: [],
        proseEnums: [],
        quirks: ['type-name-from-title'],
        placeholders: 0,
      },
      diagnostics: [],
    });
  });
});

describe('header variants', () => {
  const headers: { given: string; row: string }[] = [
    { given: '|Property|Type|Description|', row: '|id|String|The id.|' },
    { given: '|Name|Type|Description|', row: '|id|String|The id.|' },
    { given: '|Property name|Type|Description|', row: '|id|String|The id.|' },
    { given: '|**Property**|**Type**|**Description**|', row: '|id|String|The id.|' },
    { given: '|Field|Data type|Notes|', row: '|id|String|The id.|' },
    { given: '|Properties|Type name|Remarks|', row: '|id|String|The id.|' },
    { given: '|Type|Property|Description|', row: '|String|id|The id.|' },
    { given: '|Property|Type|Description', row: '|id|String|The id.' },
    { given: 'Property|Type|Description', row: 'id|String|The id.' },
  ];
  it.each(headers)('$given', ({ given, row }) => {
    const built = build(lines('# widget resource type', '', '## Properties', '', given, given.replace(/[^|]+/g, '---'), row));
    expect(built.facts.objects.map((o) => o.properties.map((p) => ({ name: p.name, type: p.type, description: p.description })))).toEqual([
      [{ name: 'id', type: String_, description: 'The id.' }],
    ]);
    expect(built.diagnostics).toEqual([]);
  });
});

describe('rows', () => {
  const properties = (built: Built): UnlinkedProperty[] => [...(built.facts.objects[0]?.properties ?? [])];

  it('keep the first of two rows naming one property and warn', () => {
    const built = build(lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id|String|First.|', '|id|Int32|Second.|'));
    expect(properties(built).map((p) => ({ name: p.name, type: p.type, description: p.description }))).toEqual([{ name: 'id', type: String_, description: 'First.' }]);
    expect(built.diagnostics.map(brief)).toEqual([
      { code: 'duplicate-property', severity: 'warning', message: 'Property "id" is listed twice (first at line 7); the first row is kept', line: 8, column: 2 },
    ]);
  });

  it('treat a name repeated across the properties and relationships tables as a duplicate', () => {
    const built = build(
      lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|owner|String|x|', '', '## Relationships', '', '|Relationship|Type|Description|', '|---|---|---|', '|owner|[user](user.md)|y|'),
    );
    expect(properties(built).map((p) => ({ name: p.name, navigation: p.navigation }))).toEqual([{ name: 'owner', navigation: false }]);
    expect(built.diagnostics.map(brief)).toEqual([
      { code: 'duplicate-property', severity: 'warning', message: 'Property "owner" is listed twice (first at line 7); the first row is kept', line: 13, column: 2 },
    ]);
  });

  it('warn about a row without a type and type it as unreadable', () => {
    const built = build(lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id||The id.|'));
    expect(properties(built).map((p) => p.type)).toEqual([{ kind: 'unreadable', written: '' }]);
    expect(built.diagnostics.map(brief)).toEqual([{ code: 'missing-type-cell', severity: 'warning', message: 'Property "id" has no type; typed as unknown', line: 7, column: 2 }]);
  });

  it('skip a row whose name is not a property name, with a warning', () => {
    const built = build(lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|—|String|Dash.|', '|ok|String|Fine.|'));
    expect(properties(built).map((p) => p.name)).toEqual(['ok']);
    expect(built.diagnostics.map(brief)).toEqual([{ code: 'invalid-property-name', severity: 'warning', message: '"—" is not a property name; row skipped', line: 7, column: 2 }]);
  });

  it('read the name before a remark and without formatting', () => {
    const built = build(lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|**size** (deprecated)|Int32|x|', '|`@odata.etag`|String|y|'));
    expect(properties(built).map((p) => p.name)).toEqual(['size', '@odata.etag']);
  });

  it('skip grouping rows without a diagnostic', () => {
    const built = build(lines('# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|**Calendar**| | |', '|color|String|x|', '| | |Other settings|', '|size|Int32|y|'));
    expect({ names: properties(built).map((p) => p.name), diagnostics: built.diagnostics.map(brief) }).toEqual({ names: ['color', 'size'], diagnostics: [] });
  });

  it('collect prose enums named in a Type cell, at the Type cell', () => {
    const built = build(lines('# job resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|state|jobStatus|The state. Possible values are: `queued`, `running`.|', '|kinds|microsoft.graph.jobKind collection|Possible values are: `full`, `delta`.|'), 'job.md');
    const origin = at(7, 8, 'job.md');
    const origin2 = at(8, 8, 'job.md');
    const want: EnumDeclaration[] = [
      {
        kind: 'enum',
        id: 'microsoft.graph.jobStatus',
        namespace: 'microsoft.graph',
        name: 'jobStatus',
        description: '',
        flags: false,
        members: [
          { name: 'queued', description: '', origin },
          { name: 'running', description: '', origin },
        ],
        source: 'prose',
        origin,
      },
      {
        kind: 'enum',
        id: 'microsoft.graph.jobKind',
        namespace: 'microsoft.graph',
        name: 'jobKind',
        description: '',
        flags: false,
        members: [
          { name: 'full', description: '', origin: origin2 },
          { name: 'delta', description: '', origin: origin2 },
        ],
        source: 'prose',
        origin: origin2,
      },
    ];
    expect(built.facts.proseEnums).toEqual(want);
    expect(built.facts.enums).toEqual([]);
  });

  it('collect no prose enum for a primitive or linked type', () => {
    const built = build(lines('# job resource type', '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|a|String|Possible values are: `x`, `y`.|', '|b|[kind](kind.md)|Possible values are: `x`, `y`.|'));
    expect(built.facts.proseEnums).toEqual([]);
  });
});

describe('enums', () => {
  const enumPage = lines(
    '---', //                                   1
    'doc_type: enumPageType', //                2
    '---', //                                   3
    '', //                                      4
    '# riskLevel enum type', //                 5
    '', //                                      6
    'Namespace: microsoft.graph', //            7
    '', //                                      8
    'How risky something is.', //               9
    '', //                                      10
    '## Members', //                            11
    '', //                                      12
    '|Member|Value|Description|', //            13
    '|:---|:---|:---|', //                      14
    '|none|0|No risk.|', //                     15
    '|low|1|Low.|', //                          16
    '|medium|2|Medium.|', //                    17
    '|high|4|High.|', //                        18
  );

  it('read an enum page with Member|Value|Description', () => {
    const file = 'risklevel.md';
    expect(build(enumPage, file)).toEqual({
      facts: {
        file,
        namespace: 'microsoft.graph',
        objects: [],
        enums: [
          {
            kind: 'enum',
            id: 'microsoft.graph.riskLevel',
            namespace: 'microsoft.graph',
            name: 'riskLevel',
            description: 'How risky something is.',
            flags: true,
            members: [
              { name: 'none', value: 0, description: 'No risk.', origin: at(15, 2, file) },
              { name: 'low', value: 1, description: 'Low.', origin: at(16, 2, file) },
              { name: 'medium', value: 2, description: 'Medium.', origin: at(17, 2, file) },
              { name: 'high', value: 4, description: 'High.', origin: at(18, 2, file) },
            ],
            source: 'table',
            origin: at(13, 1, file),
          },
        ],
        proseEnums: [],
        quirks: [],
        placeholders: 0,
      },
      diagnostics: [],
    });
  });

  const flagCases: { given: number[]; want: boolean }[] = [
    { given: [0, 1, 2, 4], want: true },
    { given: [1, 2, 4, 8], want: true },
    { given: [0, 1, 2, 4, 8, 16, 32], want: true },
    { given: [0, 1, 2, 3], want: false },
    { given: [0, 1, 2], want: false },
    { given: [1, 2], want: false },
    { given: [1, 2, 4, 4], want: false },
    { given: [0, 2, 4, 6], want: false },
    { given: [-1, 1, 2, 4], want: false },
  ];
  it.each(flagCases)('detect flags from values $given', ({ given, want }) => {
    const rows = given.map((value, i) => `|m${i}|${value}|Member ${i}.|`);
    const built = build(lines('---', 'doc_type: enumPageType', '---', '', '# bits enum type', '', '|Member|Value|Description|', '|---|---|---|', ...rows), 'bits.md');
    expect(built.facts.enums.map((e) => ({ flags: e.flags, values: e.members.map((m) => m.value) }))).toEqual([{ flags: want, values: given }]);
  });

  it('leave values out when the table has no value column, and never call that flags', () => {
    const built = build(lines('---', 'doc_type: enumPageType', '---', '', '# color enum type', '', '|Value|Description|', '|---|---|', '|red|Red.|', '|green|Green.|', '|blue|Blue.|'), 'color.md');
    expect(built.facts.enums.map((e) => ({ id: e.id, flags: e.flags, members: e.members.map((m) => m) }))).toEqual([
      {
        id: 'microsoft.graph.color',
        flags: false,
        members: [
          { name: 'red', description: 'Red.', origin: at(9, 2, 'color.md') },
          { name: 'green', description: 'Green.', origin: at(10, 2, 'color.md') },
          { name: 'blue', description: 'Blue.', origin: at(11, 2, 'color.md') },
        ],
      },
    ]);
  });

  it('keep the first of two members of one name and warn', () => {
    const built = build(lines('---', 'doc_type: enumPageType', '---', '', '# color enum type', '', '|Member|Description|', '|---|---|', '|red|Red.|', '|red|Again.|'), 'color.md');
    expect({ members: built.facts.enums[0]?.members.map((m) => m.description), diagnostics: built.diagnostics.map(brief) }).toEqual({
      members: ['Red.'],
      diagnostics: [{ code: 'duplicate-enum-member', severity: 'warning', message: 'Enum "color" lists member "red" twice; the first is kept', line: 10, column: 2 }],
    });
  });

  it('read `x values` sections of a resource page as enums', () => {
    const file = 'job.md';
    const built = build(
      lines(
        '# job resource type', //                                 1
        '', //                                                    2
        '## Properties', //                                       3
        '', //                                                    4
        '|Property|Type|Description|', //                         5
        '|---|---|---|', //                                       6
        '|state|[jobState](#jobstate-values)|The state.|', //     7
        '', //                                                    8
        '### jobState values', //                                 9
        '', //                                                    10
        '|Member|Description|', //                                11
        '|---|---|', //                                           12
        '|running|Running.|', //                                  13
        '|done|Done.|', //                                        14
      ),
      file,
    );
    expect({ enums: built.facts.enums, types: built.facts.objects.map((o) => o.properties.map((p) => p.type)), diagnostics: built.diagnostics }).toEqual({
      enums: [
        {
          kind: 'enum',
          id: 'microsoft.graph.jobState',
          namespace: 'microsoft.graph',
          name: 'jobState',
          description: '',
          flags: false,
          members: [
            { name: 'running', description: 'Running.', origin: at(13, 2, file) },
            { name: 'done', description: 'Done.', origin: at(14, 2, file) },
          ],
          source: 'table',
          origin: at(11, 1, file),
        },
      ],
      types: [[{ kind: 'anchor', slug: 'jobstate-values', text: 'jobState' }]],
      diagnostics: [],
    });
  });
});

describe('type names', () => {
  const table = ['## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id|String|The id.|'];
  const cases: { rule: string; given: string; want: { id: string; namespace: string; name: string; origin: { line: number; column: number } }[] }[] = [
    { rule: 'title, no annotation', given: lines('# widget resource type', '', ...table), want: [{ id: 'microsoft.graph.widget', namespace: 'microsoft.graph', name: 'widget', origin: { line: 1, column: 1 } }] },
    { rule: 'complex type title', given: lines('# widgetSize complex type', '', ...table), want: [{ id: 'microsoft.graph.widgetSize', namespace: 'microsoft.graph', name: 'widgetSize', origin: { line: 1, column: 1 } }] },
    { rule: 'title in code span', given: lines('# `widget` resource type', '', ...table), want: [{ id: 'microsoft.graph.widget', namespace: 'microsoft.graph', name: 'widget', origin: { line: 1, column: 1 } }] },
    { rule: 'front matter title without a heading', given: lines('---', 'title: "widget resource type"', '---', '', ...table), want: [{ id: 'microsoft.graph.widget', namespace: 'microsoft.graph', name: 'widget', origin: { line: 1, column: 1 } }] },
    { rule: 'stated namespace', given: lines('# session resource type', '', 'Namespace: microsoft.graph.callRecords', '', ...table), want: [{ id: 'microsoft.graph.callRecords.session', namespace: 'microsoft.graph.callRecords', name: 'session', origin: { line: 1, column: 1 } }] },
    {
      rule: '@odata.type annotation wins over the title',
      given: lines('# widget resource type', '', ...table, '', '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.gadget"} -->'),
      want: [{ id: 'microsoft.graph.gadget', namespace: 'microsoft.graph', name: 'gadget', origin: { line: 9, column: 1 } }],
    },
    {
      rule: '@type annotation',
      given: lines('# widget resource type', '', ...table, '', '<!-- {"blockType": "resource", "@type": "microsoft.graph.gadget"} -->'),
      want: [{ id: 'microsoft.graph.gadget', namespace: 'microsoft.graph', name: 'gadget', origin: { line: 9, column: 1 } }],
    },
    {
      rule: 'annotation with # and another namespace',
      given: lines('# alert resource type', '', ...table, '', '<!-- {"blockType": "resource", "@odata.type": "#microsoft.graph.security.alert"} -->'),
      want: [{ id: 'microsoft.graph.security.alert', namespace: 'microsoft.graph.security', name: 'alert', origin: { line: 9, column: 1 } }],
    },
    {
      rule: 'annotation that is not a resource is ignored',
      given: lines('# widget resource type', '', ...table, '', '<!-- {"blockType": "request", "@odata.type": "microsoft.graph.gadget"} -->'),
      want: [{ id: 'microsoft.graph.widget', namespace: 'microsoft.graph', name: 'widget', origin: { line: 1, column: 1 } }],
    },
    {
      rule: 'annotation without a table',
      given: lines('# widget resource type', '', '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.widget"} -->'),
      want: [{ id: 'microsoft.graph.widget', namespace: 'microsoft.graph', name: 'widget', origin: { line: 3, column: 1 } }],
    },
  ];
  it.each(cases)('$rule', ({ given, want }) => {
    expect(build(given).facts.objects.map((o) => ({ id: o.id, namespace: o.namespace, name: o.name, origin: { line: o.origin.line, column: o.origin.column } }))).toEqual(want);
  });

  it('report a properties table without a type name', () => {
    const built = build(lines('# About widgets', '', ...table));
    expect({ objects: built.facts.objects, diagnostics: built.diagnostics.map(brief) }).toEqual({
      objects: [],
      diagnostics: [
        {
          code: 'missing-type-name',
          severity: 'warning',
          message: 'Page has a properties table but no type name (no @odata.type annotation and no "x resource type" title); the page is skipped',
          line: 1,
          column: 1,
        },
      ],
    });
  });

  it('report a page that defines nothing', () => {
    const built = build(lines('# Overview', '', 'Widgets are great.'));
    expect(built.diagnostics.map(brief)).toEqual([
      { code: 'no-type-defined', severity: 'info', message: 'Page defines no type (no resource annotation, properties table or enum); skipped', line: 1, column: 1 },
    ]);
  });

  it('keep the annotation namespace and warn when the page states another', () => {
    const built = build(lines('# alert resource type', '', 'Namespace: microsoft.graph', '', ...table, '', '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.security.alert"} -->'));
    expect({ ids: built.facts.objects.map((o) => o.id), codes: built.diagnostics.map((d) => d.code) }).toEqual({ ids: ['microsoft.graph.security.alert'], codes: ['namespace-mismatch'] });
  });

  it('read the whole word of a "Namespace:" line, and report one that is not a dotted path of identifiers', () => {
    const titled = (namespaceLine: string) => build(lines('# alert resource type', '', namespaceLine, '', ...table));
    const read = (namespaceLine: string) => {
      const built = titled(namespaceLine);
      return { ids: built.facts.objects.map((o) => o.id), diagnostics: built.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) };
    };
    expect(read('Namespace: microsoft.graph.security.')).toEqual({ ids: ['microsoft.graph.security.alert'], diagnostics: [] });
    // Not cut short at the dash (that read it as microsoft.graph.a, a namespace no page states).
    expect(read('Namespace: microsoft.graph.a-b')).toEqual({
      ids: ['microsoft.graph.alert'],
      diagnostics: ['3:1 invalid-namespace "Namespace: microsoft.graph.a-b" is not a dotted path of identifiers; the page\'s types go in microsoft.graph'],
    });
    expect(read('Namespace: microsoft.graph.123').diagnostics.map((d) => d.split(' ')[1])).toEqual(['invalid-namespace']);
  });
});

describe('base types', () => {
  it('keep the annotation baseType and the "Inherits from" prose apart', () => {
    const file = 'user.md';
    const built = build(
      lines(
        '# user resource type', //                                                     1
        '', //                                                                         2
        'Namespace: microsoft.graph', //                                               3
        '', //                                                                         4
        'Represents a user. Inherits from [directoryObject](directoryobject.md).', //   5
        '', //                                                                         6
        '## Properties', //                                                            7
        '', //                                                                         8
        '|Property|Type|Description|', //                                              9
        '|---|---|---|', //                                                            10
        '|displayName|String|The name.|', //                                           11
        '', //                                                                         12
        '## JSON representation', //                                                   13
        '', //                                                                         14
        '<!-- {', //                                                                   15
        '  "blockType": "resource",', //                                               16
        '  "@odata.type": "microsoft.graph.user",', //                                 17
        '  "baseType": "microsoft.graph.entity"', //                                   18
        '} -->', //                                                                    19
      ),
      file,
    );
    const object = built.facts.objects[0];
    expect({ annotatedBase: object?.annotatedBase, proseBase: object?.proseBase, description: object?.description }).toEqual({
      annotatedBase: { type: { kind: 'name', name: 'microsoft.graph.entity' }, origin: at(15, 1, file) },
      proseBase: { type: { kind: 'link', url: 'directoryobject.md', text: 'directoryObject' }, origin: at(5, 1, file), rule: 'inherits-from-prose' },
      description: 'Represents a user. Inherits from [directoryObject](directoryobject.md).',
    });
  });

  const proseCases: { given: string; want: WrittenType | undefined }[] = [
    { given: 'Inherits from [entity](entity.md).', want: { kind: 'link', url: 'entity.md', text: 'entity' } },
    { given: 'Derived from **entity**.', want: { kind: 'name', name: 'entity' } },
    { given: 'This type inherits from `microsoft.graph.policyBase`.', want: { kind: 'name', name: 'microsoft.graph.policyBase' } },
    { given: 'Derives properties from the [outlookItem](outlookitem.md) type.', want: { kind: 'link', url: 'outlookitem.md', text: 'outlookItem' } },
    { given: 'A widget. See [entity](entity.md) for more.', want: undefined },
  ];
  it.each(proseCases)('prose base: $given', ({ given, want }) => {
    const built = build(lines('# widget resource type', '', given, '', '## Properties', '', '|Property|Type|Description|', '|---|---|---|', '|id|String|x|'));
    expect(built.facts.objects[0]?.proseBase?.type).toEqual(want);
  });
});

describe('the JSON representation', () => {
  const page = lines(
    '# widget resource type', //                                              1
    '', //                                                                    2
    '## Properties', //                                                       3
    '', //                                                                    4
    '|Property|Type|Description|', //                                         5
    '|---|---|---|', //                                                       6
    '|id|String|The id.|', //                                                 7
    '|size|Int32|The size.|', //                                              8
    '|extra|String|Not in the JSON.|', //                                     9
    '', //                                                                    10
    '## JSON representation', //                                              11
    '', //                                                                    12
    '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.widget"} -->', // 13
    '```json', //                                                             14
    '{', //                                                                   15
    '  "@odata.type": "#microsoft.graph.widget",', //                         16
    '  "id": "String",', //                                                   17
    '  "size": "String",', //                                                 18
    '  "color": "String",', //                                                19
    '  "count": 3,', //                                                       20
    '  "ratio": 0.5,', //                                                     21
    '  "part": {"@odata.type": "microsoft.graph.widgetPart"},', //            22
    '  "labels": ["String"],', //                                             23
    '  "seen": "DateTimeOffset",', //                                         24
    '  "not a name": 1,', //                                                  25
    '  "id": 7', //                                                           26
    '}', //                                                                   27
    '```', //                                                                 28
  );

  it('adds properties only the JSON lists, marked source json, after the table rows', () => {
    const built = build(page);
    const json = (name: string, type: WrittenType, line: number, valueColumn: number): UnlinkedProperty => ({
      name,
      type,
      typeOrigin: at(line, valueColumn),
      description: '',
      facets: {},
      navigation: false,
      source: 'json',
      origin: at(line, 3),
    });
    expect(built.facts.objects[0]?.properties.filter((p) => p.source === 'json')).toEqual([
      json('color', String_, 19, 12),
      json('count', { kind: 'primitive', name: 'Int32' }, 20, 12),
      json('ratio', { kind: 'primitive', name: 'Double' }, 21, 12),
      json('part', { kind: 'name', name: 'microsoft.graph.widgetPart' }, 22, 11),
      json('labels', { kind: 'collection', element: String_ }, 23, 13),
      json('seen', { kind: 'primitive', name: 'DateTimeOffset' }, 24, 11),
    ]);
    expect(built.facts.objects[0]?.properties.map((p) => `${p.source}:${p.name}`)).toEqual([
      'table:id',
      'table:size',
      'table:extra',
      'json:color',
      'json:count',
      'json:ratio',
      'json:part',
      'json:labels',
      'json:seen',
    ]);
  });

  it('reports type mismatches and table properties missing from the JSON', () => {
    expect(build(page).diagnostics.map(brief)).toEqual([
      { code: 'json-type-mismatch', severity: 'warning', message: 'Property "size" is number in the table but string in the JSON representation; the table wins', line: 18, column: 3 },
      { code: 'table-property-not-in-json', severity: 'info', message: 'Property "extra" is in a table but not in the JSON representation', line: 9, column: 2 },
    ]);
  });

  it('reports a malformed JSON block at its position', () => {
    const built = build(lines('# widget resource type', '', '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.widget"} -->', '```json', '{', '  "id": "String"', '  "size": 1', '}', '```'));
    expect(built.diagnostics.map(brief)).toEqual([
      { code: 'malformed-json-block', severity: 'warning', message: 'JSON representation is not valid JSON: CommaExpected', line: 7, column: 3 },
    ]);
  });

  it('reads the open type flag and key property from the annotation', () => {
    const built = build(lines('# widget resource type', '', '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.widget", "openType": true, "keyProperty": "id"} -->'));
    expect(built.facts.objects.map((o) => ({ open: o.open, keyProperty: o.keyProperty }))).toEqual([{ open: true, keyProperty: 'id' }]);
  });
});

describe('type name from a title missing the space after #', () => {
  it('reads "#x enum type" as the title of an enum page', () => {
    const built = build(lines('---', 'doc_type: enumPageType', '---', '', '#teamVisibilityType enum type', '', '## Members', '', '|Member|Value|Description|', '|:--|:--|:--|', '|private|0|p|', '|public|1|q|'));
    expect(built.facts.enums.map((e) => [e.id, e.members.map((m) => m.name)])).toEqual([['microsoft.graph.teamVisibilityType', ['private', 'public']]]);
  });
});

describe('base type in prose: "a subclass of"', () => {
  it.each([
    ['A subclass of [educationResource](educationresource.md).', 'educationResource'],
    ['This is a subclass of [gradeType](gradetype.md) with points.', 'gradeType'],
    ['Inherits the properties from [mediaQuality](mediaquality.md), and adds some.', 'mediaQuality'],
  ])('%s', (prose, base) => {
    const built = build(lines('# word resource type', '', 'Namespace: microsoft.graph', '', prose, '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|url|String|x|'));
    const proseBase = built.facts.objects[0]?.proseBase?.type;
    expect(proseBase?.kind === 'link' ? proseBase.text : undefined).toBe(base);
  });
});
