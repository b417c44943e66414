/**
 * Parsing a big page in pieces: where the cuts go (given/want), and that the
 * pieces put back together are exactly the tree of the whole page — on
 * hand-written pages that probe each rule, and on the corpus pages with a
 * tiny piece size so that nearly every line is a cut.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChunks } from '../../generator/parse-chunks.js';
import { parseInChunks, parseMarkdown } from '../../generator/parse.js';
import { corpusAvailable, corpusMissingMessage, resourcesDir } from '../corpus/corpus.js';

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

  it('sees no table when the header and delimiter rows have different cell counts', () => {
    expect(planChunks(lines('| a | b |', '|---|---|---|', '| 1 | 2 |', '| 3 | 4 |'), 1).cuts).toEqual([]);
  });
});

describe('parseMarkdown in pieces', () => {
  const samePieces = (text: string) => {
    const pieces = parseInChunks(text, 1);
    expect(pieces, 'the pieces were used').toBeDefined();
    expect(pieces).toEqual(parseMarkdown(text, Infinity));
  };

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
});
