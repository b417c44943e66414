/**
 * Parsing a big page in pieces: where the cuts go (given/want), and that the
 * pieces put back together are exactly the tree of the whole page — on
 * hand-written pages that probe each rule, and on the corpus pages with a
 * tiny piece size so that nearly every line is a cut. And pages read as a
 * batch (`SharedPieces`): text several pages hold is parsed once, and every
 * page still gets the tree it gives alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChunks } from '../../generator/parse-chunks.js';
import { parseInChunks, parseMarkdown, SharedPieces } from '../../generator/parse.js';
import { corpusAvailable, corpusMissingMessage, olderResourcesDir, resourcesDir } from '../corpus/corpus.js';

const lines = (...text: string[]) => text.join('\n');

const probe = lines(
  '---', //                          1 front matter, with a blank line inside
  'title: x',
  '',
  '---',
  '',
  '# Title', //                      6 block cut
  'See [the widget][w] and [gone].',
  '',
  '```json', //                      9 block cut; a fence with a blank line and a heading inside
  '{',
  '',
  '# not a heading',
  '}',
  '```',
  '',
  '<!-- {"blockType": "resource"', // 16 block cut; a comment with a blank line inside
  '',
  'still the comment -->',
  '',
  '- one', //                        20 no cut: a list item
  '',
  '- two', //                        22 no cut: the same list goes on
  '',
  '| a | b \\| c |', //              24 block cut; a table
  '|---|:-:|',
  '| 1 | `x` |', //                  26 row cut
  '| 3 | [4][w] |', //               27 row cut
  '',
  '---', //                          29 no cut: a piece starting with --- would read as front matter
  '',
  '[w]: widget.md', //               31 block cut; a definition used above
  '',
  '    indented code', //            33 no cut: indented
  '',
  'Last paragraph, no line ending.', // 35 block cut
);

function samePieces(text: string): void {
  const pieces = parseInChunks(text, 1);
  expect(pieces, 'the pieces were used').toBeDefined();
  expect(pieces).toEqual(parseMarkdown(text, Infinity));
}

describe('planChunks', () => {
  it('cuts at blank lines before top-level blocks and between table rows, nowhere else', () => {
    const plan = planChunks(probe, 1);
    expect(plan.cuts.map((cut) => [cut.line, cut.kind])).toEqual([
      [6, 'block'],
      [9, 'block'],
      [16, 'block'],
      [24, 'block'],
      [26, 'row'],
      [27, 'row'],
      [31, 'block'],
      [35, 'block'],
    ]);
    expect(plan.definitions).toBe('[w]: widget.md\n');
    const row = plan.cuts[4];
    expect(row?.header).toBe('| a | b \\| c |\n|---|:-:|\n');
    expect(row?.headerOffset).toBe(probe.indexOf('| a |'));
  });

  it('keeps cuts at least the piece size apart', () => {
    const offsets = planChunks(probe, 200).cuts.map((cut) => cut.offset);
    for (const [index, offset] of offsets.entries()) expect(offset - (offsets[index - 1] ?? 0)).toBeGreaterThanOrEqual(200);
  });

  it('cuts before no line that starts with a byte-order mark: the parser drops one at the start of its input', () => {
    expect(planChunks(lines('a', '', '\uFEFF# b', '', 'c'), 1).cuts.map((cut) => cut.line)).toEqual([5]);
    expect(planChunks(lines('\uFEFF| a | b |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |'), 1).cuts).toEqual([]);
    samePieces(lines('a', '', '\uFEFF# b', '', '\uFEFF| a | b |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |', '', 'c'));
  });

  it('sees no table when the header and delimiter rows have different cell counts', () => {
    expect(planChunks(lines('| a | b |', '|---|---|---|', '| 1 | 2 |', '| 3 | 4 |'), 1).cuts).toEqual([]);
  });
});

describe('parseMarkdown in pieces', () => {

  it('gives the tree of the whole page: positions, definitions used before they are made, tables cut between rows', () => {
    samePieces(probe);
  });

  it('counts CRLF and lone CR line endings as the parser does', () => {
    samePieces(probe.replace(/\n/g, '\r\n'));
    samePieces(probe.replace(/\n/g, '\r'));
  });

  it('joins a long table back into one table node', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `| p${i} | String | Row ${i}, with \`code\` and a [link](x${i}.md). |`);
    const text = lines('## Properties', '', '| Property | Type | Description |', '|:--|:--|:--|', ...rows, '');
    const tree = parseInChunks(text, 1024);
    expect(tree?.children.map((node) => node.type)).toEqual(['heading', 'table']);
    expect(tree).toEqual(parseMarkdown(text, Infinity));
  });

  it('parses the page whole when a cut does not hold: a definition inside a list item is not seen by the scan', () => {
    const text = lines('See [w].', '', '- [w]: widget.md', '', 'After.', '');
    expect(parseInChunks(text, 1)).toBeUndefined();
    expect(parseMarkdown(text, 1)).toEqual(parseMarkdown(text, Infinity));
  });
});

describe('SharedPieces', () => {
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `| p${from + i} | String | Row ${from + i}, see [p${from + i}](p.md). |`);
  const table = (...body: string[]) => ['| Property | Type | Description |', '|:--|:--|:--|', ...body];
  const version1 = lines('---', 'title: x', '---', '', '# x resource type', '', '## Properties', '', ...table(...rows(0, 40)), '', '## JSON representation', '', '```json', '{ "a": 1 }', '```', '');
  // The next version: one row edited, one added at the end, a paragraph added, and the front matter changed.
  const version2 = lines('---', 'title: x v2', '---', '', '# x resource type', '', 'A new paragraph.', '', '## Properties', '', ...table(...rows(0, 20), '| p20 | Int32 | Edited. |', ...rows(21, 40), '| p40 | String | New. |'), '', '## JSON representation', '', '```json', '{ "a": 1 }', '```', '');
  const other = lines('# y', '', 'Nothing in common.', '');

  it('gives each page of the batch the tree it gives alone, whatever the order of use', () => {
    const texts = [version1, version2, other];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const shared = new SharedPieces(texts);
      for (const index of order) expect(shared.parsePage(texts[index] ?? '')).toEqual(parseMarkdown(texts[index] ?? ''));
    }
  });

  it('parses what two versions of a page share once: the second version costs little more than its changes', () => {
    const shared = new SharedPieces([version1, version2]);
    shared.parsePage(version1);
    const afterFirst = shared.parsedCharacters;
    // All of it, and the table header again before each piece that starts inside the table.
    expect(afterFirst).toBeGreaterThanOrEqual(version1.length);
    expect(afterFirst).toBeLessThan(1.2 * version1.length);
    shared.parsePage(version2);
    const second = shared.parsedCharacters - afterFirst;
    // The changed lines, the table header each piece inside a table is parsed after, and the front matter.
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(version2.length / 4);
  });

  it('hands out copies: changing one page\'s tree changes no other', () => {
    const shared = new SharedPieces([version1, version1, version1]);
    const first = shared.parsePage(version1);
    first.children.length = 0;
    expect(shared.parsePage(version1)).toEqual(parseMarkdown(version1));
    expect(shared.parsePage(version1)).toEqual(parseMarkdown(version1));
  });

  it('parses a page it was not made from as usual', () => {
    const shared = new SharedPieces([version1]);
    expect(shared.parsePage(version2)).toEqual(parseMarkdown(version2));
    expect(shared.parsedCharacters).toBe(version2.length);
  });
});

if (!corpusAvailable) console.warn(corpusMissingMessage);

describe.skipIf(!corpusAvailable)('parseMarkdown in pieces on the v1.0 corpus', () => {
  it('gives the tree of the whole page for every page over 16 KB, cut every 512 characters', () => {
    const names = readdirSync(resourcesDir).filter((name) => name.endsWith('.md') && statSync(join(resourcesDir, name)).size > 16 * 1024);
    expect(names.length).toBeGreaterThan(10);
    let cuts = 0;
    for (const name of names.sort()) {
      const text = readFileSync(join(resourcesDir, name), 'utf8');
      cuts += planChunks(text, 512).cuts.length;
      const pieces = parseInChunks(text, 512);
      expect(pieces, name).toBeDefined();
      expect(pieces, name).toEqual(parseMarkdown(text, Infinity));
    }
    expect(cuts).toBeGreaterThan(500);
  });

  it('gives each page of two versions of the docs the tree it gives alone, reading the two as one batch (pages a–c)', () => {
    const read = (dir: string) =>
      readdirSync(dir)
        .filter((name) => /^[a-c].*\.md$/.test(name))
        .sort()
        .map((name) => readFileSync(join(dir, name), 'utf8'));
    const texts = [...read(olderResourcesDir), ...read(resourcesDir)];
    expect(texts.length).toBeGreaterThan(250);
    const shared = new SharedPieces(texts);
    for (const text of texts) expect(shared.parsePage(text)).toEqual(parseMarkdown(text));
    const total = texts.reduce((sum, text) => sum + text.length, 0);
    console.log(`two versions of the docs, pages a–c: the parser read ${shared.parsedCharacters} of ${total} characters (${((100 * shared.parsedCharacters) / total).toFixed(0)}%)`);
    expect(shared.parsedCharacters).toBeLessThan(0.85 * total);
  });
});
