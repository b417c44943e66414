/**
 * The reports of `graphdoc diff`: text, markdown, JSON and watch mode's one
 * line, on the pages under format/ (a removed property, an added one, a
 * removed enum member, and a doc edit), compared exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareModels, type Change, type ModelDiff } from '../../generator/diff/compare.js';
import { formatJson, formatMarkdown, formatText, oneLine, severityOf, summarize } from '../../generator/diff/format.js';
import { buildModel } from '../../generator/pipeline.js';

const dir = fileURLToPath(new URL('./format', import.meta.url));
const pages = (side: string) =>
  readdirSync(join(dir, side))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(dir, side, path), 'utf8') }));
const diff = compareModels(buildModel(pages('old')).model, buildModel(pages('new')).model);
const sides = { old: 'git:main', new: '.', oldPrefix: 'main:specs/', newPrefix: 'specs/' };

describe('graphdoc diff reports', () => {
  it('text: a headline with counts, then changes grouped by type, breaking first, removals pointing at the old pages, then doc edits by reason', () => {
    expect(formatText(diff, sides)).toBe(
      [
        'graphdoc diff git:main → .: 2 breaking, 1 non-breaking, 0 unknown; 1 doc edit not counted',
        '',
        'microsoft.graph.ageGroup',
        '  breaking      member notAdult removed  [removed-member: read non-breaking, write breaking]  main:specs/agegroup.md:12',
        '',
        'microsoft.graph.user',
        '  breaking      property mySite removed (was String | null)  [removed-property: read breaking, write breaking]  main:specs/user.md:12',
        '  non-breaking  property employeeType added: String | null  [added-property: read non-breaking, write non-breaking]  specs/user.md:12',
        '',
        'Doc edits, not counted as changes (--format json lists them):',
        '     1  facet-stated-one-side: nullability or read-only is stated on one side only: the docs started (or stopped) saying it',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a summary line, then a collapsible table per severity (breaking open), then the doc edits', () => {
    expect(formatMarkdown(diff, sides)).toBe(
      [
        '**graphdoc diff**: 2 breaking, 1 non-breaking, 0 unknown (git:main → .)',
        '',
        '<details open><summary>Breaking (2)</summary>',
        '',
        '| type | change | read | write | rule | source |',
        '|---|---|---|---|---|---|',
        '| microsoft.graph.ageGroup | member notAdult removed | non-breaking | breaking | removed-member | main:specs/agegroup.md:12 |',
        '| microsoft.graph.user | property mySite removed (was String \\| null) | breaking | breaking | removed-property | main:specs/user.md:12 |',
        '',
        '</details>',
        '',
        '<details><summary>Non-breaking (1)</summary>',
        '',
        '| type | change | read | write | rule | source |',
        '|---|---|---|---|---|---|',
        '| microsoft.graph.user | property employeeType added: String \\| null | non-breaking | non-breaking | added-property | specs/user.md:12 |',
        '',
        '</details>',
        '',
        '<details><summary>Doc edits, not counted (1)</summary>',
        '',
        '| type | difference | reason | source |',
        '|---|---|---|---|',
        '| microsoft.graph.user | property displayName: String \\| null → String | facet-stated-one-side | specs/user.md:11 |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('markdown: text from the docs cannot open HTML, break a table cell or start a code span', () => {
    const change: Change = { kind: 'property-added', type: 'microsoft.graph.x', property: 'y', before: null, after: 'unknown ("<img src=x onerror=alert(1)>|`a`")', read: 'non-breaking', write: 'non-breaking', rule: 'added-property', source: { file: 'x.md', line: 3 } };
    const text = formatMarkdown({ changes: [change], docEdits: [], namespaces: { added: [], removed: [] } }, { old: 'a<b>', new: 'c', oldPrefix: '', newPrefix: '' });
    expect(text).toContain('| microsoft.graph.x | property y added: unknown ("&lt;img src=x onerror=alert(1)&gt;\\|\\`a\\`") |');
    expect(text).toContain('(a&lt;b&gt; → c)');
    expect(text).not.toMatch(/<img|<b>/);
  });

  it('markdown: stays within a pull-request comment, listing breaking changes first and counting the rows left out', () => {
    const added = (i: number): Change => ({ kind: 'property-added', type: 'microsoft.graph.user', property: `p${i}`, before: null, after: 'String | null', read: 'non-breaking', write: 'non-breaking', rule: 'added-property', source: { file: 'user.md', line: i } });
    const removed = (i: number): Change => ({ ...added(i), kind: 'property-removed', before: 'String | null', after: null, read: 'breaking', write: 'breaking', rule: 'removed-property' });
    const big: ModelDiff = { changes: [...Array.from({ length: 40 }, (_, i) => removed(i)), ...Array.from({ length: 400 }, (_, i) => added(100 + i))], docEdits: [], namespaces: { added: [], removed: [] } };
    const text = formatMarkdown(big, sides, 8000);
    expect(text.length).toBeLessThanOrEqual(8000);
    expect(text.match(/\| removed-property \|/g)).toHaveLength(40);
    const listed = text.match(/\| added-property \|/g)?.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    expect(text).toContain(`${400 - listed} more rows not listed here: \`graphdoc diff --format text\` lists them all.`);
    expect(formatMarkdown(big, sides)).not.toContain('not listed here');
  });

  it('json: version 1, the sides as given, counts, and every change with its classification, rule and source', () => {
    const document = JSON.parse(formatJson(diff, sides)) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['version', 'old', 'new', 'summary', 'namespaces', 'changes', 'docEdits']);
    expect(document).toMatchObject({ version: 1, old: 'git:main', new: '.', summary: { breaking: 2, nonBreaking: 1, unknown: 0 }, namespaces: { added: [], removed: [] } });
    expect(document['changes']).toEqual([
      { kind: 'enum-member-removed', type: 'microsoft.graph.ageGroup', member: 'notAdult', before: 'notAdult', after: null, read: 'non-breaking', write: 'breaking', rule: 'removed-member', source: { file: 'agegroup.md', line: 12 } },
      { kind: 'property-added', type: 'microsoft.graph.user', property: 'employeeType', before: null, after: 'String | null', read: 'non-breaking', write: 'non-breaking', rule: 'added-property', source: { file: 'user.md', line: 12 } },
      { kind: 'property-removed', type: 'microsoft.graph.user', property: 'mySite', before: 'String | null', after: null, read: 'breaking', write: 'breaking', rule: 'removed-property', source: { file: 'user.md', line: 12 } },
    ]);
    expect(document['docEdits']).toEqual([
      { kind: 'property-nullability-changed', type: 'microsoft.graph.user', property: 'displayName', before: 'String | null', after: 'String', reason: 'facet-stated-one-side', source: { file: 'user.md', line: 11 } },
    ]);
  });

  it('one line for watch mode: per type, counts, and who it breaks', () => {
    expect(oneLine(diff)).toBe('enum ageGroup: −1 member (breaking for writers), user: +1 property, −1 property (breaking)');
    expect(oneLine({ changes: [], docEdits: diff.docEdits, namespaces: { added: [], removed: [] } })).toBeUndefined();
    const many: ModelDiff = {
      changes: ['a', 'b', 'c'].map((name) => ({ kind: 'type-added', type: `microsoft.graph.${name}`, before: null, after: `microsoft.graph.${name}`, read: 'non-breaking', write: 'non-breaking', rule: 'added-type', source: { file: `${name}.md`, line: 1 } })),
      docEdits: [],
      namespaces: { added: ['microsoft.graph.extra'], removed: [] },
    };
    expect(oneLine(many, 2)).toBe('namespace microsoft.graph.extra added, a: type added, b: type added, 1 more');
  });

  it('a change is breaking when it breaks readers or writers, unknown when neither breaks and one is unknown', () => {
    expect([severityOf({ read: 'breaking', write: 'non-breaking' }), severityOf({ read: 'non-breaking', write: 'unknown' }), severityOf({ read: 'non-breaking', write: 'non-breaking' })]).toEqual(['breaking', 'unknown', 'non-breaking']);
    expect(summarize(diff.changes)).toEqual({ breaking: 2, nonBreaking: 1, unknown: 0 });
  });
});
