/**
 * Extract: mdast → raw page. Exact RawPage values for small hand-written
 * pages; every diagnostic must point inside the input.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { extractPage, headerKey, parseJsonText, slugify, type Extracted, type RawPage } from '../../generator/extract.js';
import { normalizeSource, parseMarkdown } from '../../generator/parse.js';

function extract(source: string, file = 'gadget.md'): Extracted {
  const extracted = extractPage(file, source, parseMarkdown(source));
  for (const d of extracted.diagnostics) expectInside(source, d);
  return extracted;
}

/** A diagnostic's line and column lie within the text (column at most one past the end of its line). */
function expectInside(source: string, d: Diagnostic): void {
  const lines = source.split(/\r\n|\r|\n/);
  expect(d.line, `${d.code} line`).toBeGreaterThanOrEqual(1);
  expect(d.line, `${d.code} line`).toBeLessThanOrEqual(lines.length);
  const length = lines[d.line - 1]?.length ?? 0;
  expect(d.column, `${d.code} column`).toBeGreaterThanOrEqual(1);
  expect(d.column, `${d.code} column`).toBeLessThanOrEqual(length + 1);
}

const lines = (...text: string[]) => text.join('\n');

const gadgetPage = lines(
  '---', //                                                        1
  'title: "gadget resource type"', //                              2
  'doc_type: resourcePageType', //                                 3
  '---', //                                                        4
  '', //                                                           5
  '# gadget resource type', //                                     6
  '', //                                                           7
  'Namespace: microsoft.graph', //                                 8
  '', //                                                           9
  'Represents a [gadget][] on a desk.', //                         10
  '', //                                                           11
  '## Properties', //                                              12
  '', //                                                           13
  '|Property|Type|Description', //                                 14
  '|:---|:---|:---', //                                            15
  '|name|String|The name.<br>Read-only.', //                       16
  '|pattern|String|A filter such as `a\\|b`.', //                  17
  '|owner|[user][]|The owner.', //                                 18
  '', //                                                           19
  '### size values', //                                            20
  '', //                                                           21
  '|Member|Description|', //                                       22
  '|---|---|', //                                                  23
  '|small|Small.|', //                                             24
  '', //                                                           25
  '## Relationships', //                                           26
  '', //                                                           27
  'None', //                                                       28
  '', //                                                           29
  '## JSON representation', //                                     30
  '', //                                                           31
  '```http', //                                                    32
  'GET /gadgets', //                                               33
  '```', //                                                        34
  '', //                                                           35
  '<!-- {', //                                                     36
  '  "blockType": "resource",', //                                 37
  '  "@odata.type": "microsoft.graph.gadget"', //                  38
  '}', //                                                          39
  '-->', //                                                        40
  '```json', //                                                    41
  '{', //                                                          42
  '  "name": "String",', //                                        43
  '  "size": {"@odata.type": "microsoft.graph.size"}', //          44
  '}', //                                                          45
  '```', //                                                        46
  '', //                                                           47
  '<!-- { "blockType": "ignored" } -->', //                        48
  '', //                                                           49
  '<!-- {"blockType": "example"} -->', //                          50
  '', //                                                           51
  '```json', //                                                    52
  '[]', //                                                         53
  '```', //                                                        54
  '', //                                                           55
  '[gadget]: gadget.md', //                                        56
  '[user]: ../resources/user.md', //                               57
  '',
);

const gadgetWant: RawPage = {
  file: 'gadget.md',
  frontMatter: { title: 'gadget resource type', doc_type: 'resourcePageType' },
  headings: [
    { line: 6, column: 1, depth: 1, text: 'gadget resource type', slug: 'gadget-resource-type', parent: -1 },
    { line: 12, column: 1, depth: 2, text: 'Properties', slug: 'properties', parent: 0 },
    { line: 20, column: 1, depth: 3, text: 'size values', slug: 'size-values', parent: 1 },
    { line: 26, column: 1, depth: 2, text: 'Relationships', slug: 'relationships', parent: 0 },
    { line: 30, column: 1, depth: 2, text: 'JSON representation', slug: 'json-representation', parent: 0 },
  ],
  paragraphs: [
    { line: 8, column: 1, text: 'Namespace: microsoft.graph', markdown: 'Namespace: microsoft.graph', links: [], codes: [], section: 0, listItem: false },
    {
      line: 10,
      column: 1,
      text: 'Represents a gadget on a desk.',
      markdown: 'Represents a [gadget][] on a desk.',
      links: [{ text: 'gadget', url: 'gadget.md' }],
      codes: [],
      section: 0,
      listItem: false,
    },
    { line: 28, column: 1, text: 'None', markdown: 'None', links: [], codes: [], section: 3, listItem: false },
  ],
  tables: [
    {
      line: 14,
      column: 1,
      section: 1,
      headers: ['property', 'type', 'description'],
      rows: [
        {
          line: 16,
          column: 1,
          cells: {
            property: { line: 16, column: 2, text: 'name', markdown: 'name', links: [], codes: [] },
            type: { line: 16, column: 7, text: 'String', markdown: 'String', links: [], codes: [] },
            description: { line: 16, column: 14, text: 'The name.\nRead-only.', markdown: 'The name.<br>Read-only.', links: [], codes: [] },
          },
        },
        {
          line: 17,
          column: 1,
          cells: {
            property: { line: 17, column: 2, text: 'pattern', markdown: 'pattern', links: [], codes: [] },
            type: { line: 17, column: 10, text: 'String', markdown: 'String', links: [], codes: [] },
            description: { line: 17, column: 17, text: 'A filter such as a|b.', markdown: 'A filter such as `a\\|b`.', links: [], codes: ['a|b'] },
          },
        },
        {
          line: 18,
          column: 1,
          cells: {
            property: { line: 18, column: 2, text: 'owner', markdown: 'owner', links: [], codes: [] },
            type: { line: 18, column: 8, text: 'user', markdown: '[user][]', links: [{ text: 'user', url: '../resources/user.md' }], codes: [] },
            description: { line: 18, column: 17, text: 'The owner.', markdown: 'The owner.', links: [], codes: [] },
          },
        },
      ],
    },
    {
      line: 22,
      column: 1,
      section: 2,
      headers: ['member', 'description'],
      rows: [
        {
          line: 24,
          column: 1,
          cells: {
            member: { line: 24, column: 2, text: 'small', markdown: 'small', links: [], codes: [] },
            description: { line: 24, column: 8, text: 'Small.', markdown: 'Small.', links: [], codes: [] },
          },
        },
      ],
    },
  ],
  annotations: [
    { line: 36, column: 1, section: 4, value: { blockType: 'resource', '@odata.type': 'microsoft.graph.gadget' }, codeBlock: 1 },
    { line: 48, column: 1, section: 4, value: { blockType: 'ignored' }, codeBlock: -1 },
    { line: 50, column: 1, section: 4, value: { blockType: 'example' }, codeBlock: 2 },
  ],
  codeBlocks: [
    { line: 32, column: 1, section: 4, lang: 'http', text: 'GET /gadgets', json: undefined, jsonErrors: [] },
    {
      line: 41,
      column: 1,
      section: 4,
      lang: 'json',
      text: lines('{', '  "name": "String",', '  "size": {"@odata.type": "microsoft.graph.size"}', '}'),
      json: {
        line: 42,
        column: 1,
        kind: 'object',
        entries: [
          { line: 43, column: 3, key: 'name', value: { line: 43, column: 11, kind: 'string', value: 'String' } },
          {
            line: 44,
            column: 3,
            key: 'size',
            value: {
              line: 44,
              column: 11,
              kind: 'object',
              entries: [{ line: 44, column: 12, key: '@odata.type', value: { line: 44, column: 27, kind: 'string', value: 'microsoft.graph.size' } }],
            },
          },
        ],
      },
      jsonErrors: [],
    },
    { line: 52, column: 1, section: 4, lang: 'json', text: '[]', json: { line: 53, column: 1, kind: 'array', items: [] }, jsonErrors: [] },
  ],
};

describe('extractPage on a whole page', () => {
  it('reads front matter, headings, paragraphs, tables, annotations and code blocks with their positions', () => {
    expect(extract(gadgetPage)).toEqual({ page: gadgetWant, diagnostics: [] });
  });

  it('reads CRLF input like LF input (code block text aside)', () => {
    const crlf = extract(gadgetPage.replace(/\n/g, '\r\n'));
    const withoutBlockText = (page: RawPage) => ({ ...page, codeBlocks: page.codeBlocks.map(({ text: _text, ...rest }) => rest) });
    expect(crlf.diagnostics).toEqual([]);
    expect(withoutBlockText(crlf.page)).toEqual(withoutBlockText(gadgetWant));
  });

  it('reads a page that starts with a byte-order mark like one without, once normalised', () => {
    const withBom = '\uFEFF' + gadgetPage;
    expect(extract(normalizeSource(withBom))).toEqual({ page: gadgetWant, diagnostics: [] });
  });
});

describe('normalizeSource', () => {
  const cases: { given: string; want: string }[] = [
    { given: '\uFEFF# x', want: '# x' },
    { given: '# x', want: '# x' },
    { given: '', want: '' },
    { given: '\uFEFF', want: '' },
    { given: '# x\uFEFF', want: '# x\uFEFF' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(normalizeSource(given)).toEqual(want);
  });
});

describe('slugify', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'Properties', want: 'properties' },
    { given: 'ageGroup values', want: 'agegroup-values' },
    { given: 'JSON representation', want: 'json-representation' },
    { given: 'Methods & actions', want: 'methods--actions' },
    { given: 'What is new?', want: 'what-is-new' },
    { given: 'snake_case and kebab-case', want: 'snake_case-and-kebab-case' },
    { given: 'Größe values', want: 'größe-values' },
    { given: '  padded  ', want: 'padded' },
    { given: 'microsoft.graph.riskLevel values', want: 'microsoftgraphrisklevel-values' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(slugify(given)).toEqual(want);
  });
});

describe('headerKey', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'Property', want: 'property' },
    { given: '**Type**', want: 'type' },
    { given: '`Description`', want: 'description' },
    { given: '  Property   name ', want: 'property name' },
    { given: '_Data type_', want: 'data type' },
  ];
  it.each(cases)('$given', ({ given, want }) => {
    expect(headerKey(given)).toEqual(want);
  });
});

describe('headings', () => {
  it('chain each heading to the nearest enclosing heading of lower depth', () => {
    const page = extract(lines('## Before the title', '# Title', '## A', '### A.1', '#### A.1.a', '## B', '#### B deep', '### B.1', '# Second title', '### Skipped level')).page;
    expect(page.headings.map((h) => ({ text: h.text, depth: h.depth, parent: h.parent, line: h.line }))).toEqual([
      { text: 'Before the title', depth: 2, parent: -1, line: 1 },
      { text: 'Title', depth: 1, parent: -1, line: 2 },
      { text: 'A', depth: 2, parent: 1, line: 3 },
      { text: 'A.1', depth: 3, parent: 2, line: 4 },
      { text: 'A.1.a', depth: 4, parent: 3, line: 5 },
      { text: 'B', depth: 2, parent: 1, line: 6 },
      { text: 'B deep', depth: 4, parent: 5, line: 7 },
      { text: 'B.1', depth: 3, parent: 5, line: 8 },
      { text: 'Second title', depth: 1, parent: -1, line: 9 },
      { text: 'Skipped level', depth: 3, parent: 8, line: 10 },
    ]);
  });

  it('keep code spans and link text as plain text, and slug that text', () => {
    const page = extract(lines('# `gadget` resource type', '', '### [riskLevel](risklevel.md) values')).page;
    expect(page.headings).toEqual([
      { line: 1, column: 1, depth: 1, text: 'gadget resource type', slug: 'gadget-resource-type', parent: -1 },
      { line: 3, column: 1, depth: 3, text: 'riskLevel values', slug: 'risklevel-values', parent: 0 },
    ]);
  });
});

describe('tables', () => {
  it('key repeated header names by position', () => {
    const page = extract(lines('|Name|Type|Name|', '|-|-|-|', '|a|b|c|')).page;
    expect(page.tables[0]?.headers).toEqual(['name', 'type', 'name#3']);
    expect(Object.fromEntries(Object.entries(page.tables[0]?.rows[0]?.cells ?? {}).map(([k, v]) => [k, v.text]))).toEqual({ name: 'a', type: 'b', 'name#3': 'c' });
  });

  it('leave out the cells a short row does not have', () => {
    const page = extract(lines('|Property|Type|Description|', '|-|-|-|', '|a|String|', '|b|')).page;
    expect(page.tables[0]?.rows.map((r) => Object.keys(r.cells))).toEqual([['property', 'type'], ['property']]);
  });

  it('point each cell at its content, past the pipe and padding', () => {
    const page = extract(lines('| Property | Type |', '|---|---|', '|  id  |   String |', 'name|Int32')).page;
    expect(page.tables[0]?.rows.map((r) => Object.values(r.cells).map((c) => [c.text, c.line, c.column]))).toEqual([
      [
        ['id', 3, 4],
        ['String', 3, 12],
      ],
      [
        ['name', 4, 1],
        ['Int32', 4, 6],
      ],
    ]);
  });

  it('record the section of a table that precedes any heading as -1', () => {
    const page = extract(lines('|A|B|', '|-|-|', '|1|2|')).page;
    expect(page.tables.map((t) => ({ line: t.line, column: t.column, section: t.section }))).toEqual([{ line: 1, column: 1, section: -1 }]);
  });
});

describe('links', () => {
  it('resolve reference-style links through definitions, case-insensitively, first definition winning', () => {
    const page = extract(lines('See [User][], [the owner][owner] and [Group].', '', '[user]: user.md', '[OWNER]: ../resources/owner.md', '[group]: group.md', '[user]: other.md')).page;
    expect(page.paragraphs).toEqual([
      {
        line: 1,
        column: 1,
        text: 'See User, the owner and Group.',
        markdown: 'See [User][], [the owner][owner] and [Group].',
        links: [
          { text: 'User', url: 'user.md' },
          { text: 'the owner', url: '../resources/owner.md' },
          { text: 'Group', url: 'group.md' },
        ],
        codes: [],
        section: -1,
        listItem: false,
      },
    ]);
  });

  it('keep inline links with their text and url', () => {
    const page = extract('Inherits from [directoryObject](../resources/directoryobject.md).').page;
    expect(page.paragraphs[0]?.links).toEqual([{ text: 'directoryObject', url: '../resources/directoryobject.md' }]);
  });
});

describe('annotations', () => {
  it('point a malformed annotation diagnostic at the offending character inside the comment', () => {
    const source = lines(
      '# gadget resource type', //                  1
      '', //                                        2
      '<!-- {', //                                  3
      '  "blockType": "resource",', //              4
      '  "@odata.type": microsoft.graph.gadget', // 5
      '}', //                                       6
      '-->', //                                     7
    );
    const { diagnostics, page } = extract(source);
    expect(diagnostics).toEqual([
      {
        code: 'malformed-annotation',
        severity: 'warning',
        message: 'Annotation comment is not valid JSON: InvalidSymbol',
        file: 'gadget.md',
        line: 5,
        column: 18,
      },
    ]);
    expect(page.annotations.map((a) => ({ line: a.line, column: a.column, codeBlock: a.codeBlock }))).toEqual([{ line: 3, column: 1, codeBlock: -1 }]);
  });

  it('point at the right column on a one-line annotation', () => {
    const source = lines('# x', '', '<!-- {"blockType": "resource", "@odata.type": } -->');
    const { diagnostics } = extract(source);
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([{ code: 'malformed-annotation', line: 3, column: 47 }]);
  });

  it('take the column of an indented annotation into account', () => {
    const source = lines('# x', '', '  <!-- {"blockType": "resource", "@odata.type": 7 x} -->');
    const { diagnostics } = extract(source);
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([{ code: 'malformed-annotation', line: 3, column: 51 }]);
  });

  it('ignore HTML comments that are not JSON objects', () => {
    const { page, diagnostics } = extract(lines('<!-- a note -->', '', '<!-- [1, 2] -->', '', '<br>'));
    expect({ annotations: page.annotations, diagnostics }).toEqual({ annotations: [], diagnostics: [] });
  });
});

describe('front matter', () => {
  it('reports YAML it cannot read and keeps an empty front matter', () => {
    const source = lines('---', 'title: [unclosed', '---', '', '# x');
    const { page, diagnostics } = extract(source);
    expect(page.frontMatter).toEqual({});
    expect(diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }))).toEqual([
      { code: 'malformed-front-matter', severity: 'warning', line: 1, column: 1 },
    ]);
  });
});

describe('code blocks', () => {
  it('map JSON positions of an indented fence to markdown lines and columns', () => {
    const source = lines(
      '# Step', //                  1
      '', //                        2
      '  ```JSON', //               3
      '  {', //                     4
      '    "id": "String",', //     5
      '    "tags": [true]', //      6
      '  }', //                     7
      '  ```', //                   8
    );
    const block = extract(source).page.codeBlocks[0];
    expect(block?.lang).toEqual('json');
    expect(block?.json).toEqual({
      line: 4,
      column: 3,
      kind: 'object',
      entries: [
        { line: 5, column: 5, key: 'id', value: { line: 5, column: 11, kind: 'string', value: 'String' } },
        { line: 6, column: 5, key: 'tags', value: { line: 6, column: 13, kind: 'array', items: [{ line: 6, column: 14, kind: 'boolean', value: true }] } },
      ],
    });
  });

  it('map JSON positions of a fence whose content is indented less than the fence', () => {
    const source = lines(
      '# Step', //          1
      '', //                2
      '  ```json', //       3
      '{', //               4
      '"a": 1 x', //        5
      '}', //               6
      '  ```', //           7
    );
    const block = extract(source).page.codeBlocks[0];
    expect(block?.jsonErrors).toEqual([{ line: 5, column: 8, message: 'InvalidSymbol' }]);
  });

  it('read a block without a language as JSON, tolerating comments and trailing commas', () => {
    const source = lines('```', '{', '  // a comment', '  "n": 1.5,', '}', '```');
    const block = extract(source).page.codeBlocks[0];
    expect({ json: block?.json, errors: block?.jsonErrors }).toEqual({
      json: { line: 2, column: 1, kind: 'object', entries: [{ line: 4, column: 3, key: 'n', value: { line: 4, column: 8, kind: 'number', value: 1.5 } }] },
      errors: [],
    });
  });

  it('record JSON errors at their markdown position', () => {
    const source = lines('# x', '', '```json', '{', '  "a": "String"', '  "b": 1', '}', '```');
    const block = extract(source).page.codeBlocks[0];
    expect(block?.jsonErrors).toEqual([{ line: 6, column: 3, message: 'CommaExpected' }]);
  });

  it('do not parse other languages', () => {
    const block = extract(lines('```http', '{"a": 1}', '```')).page.codeBlocks[0];
    expect({ json: block?.json, errors: block?.jsonErrors }).toEqual({ json: undefined, errors: [] });
  });
});

describe('parseJsonText', () => {
  it('offsets positions by the first line and the indent', () => {
    expect(parseJsonText('{"a":\n null}', 10, () => 4, { line: 100, column: 1 })).toEqual({
      json: { line: 10, column: 5, kind: 'object', entries: [{ line: 10, column: 6, key: 'a', value: { line: 11, column: 6, kind: 'null' } }] },
      errors: [],
    });
  });
});
