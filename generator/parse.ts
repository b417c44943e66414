/**
 * Parse stage: markdown text → mdast, with GFM tables and YAML front matter.
 * Nothing else: no interpretation happens here.
 *
 * A big page is parsed in pieces (cut where parse-chunks.ts says it can be)
 * and the pieces' nodes are put back together with their positions in the
 * page: micromark holds every token of a document until it is done, so one
 * 5 MB table parsed whole needs about 2 GB. Each cut is checked against the
 * nodes on both sides; when one does not hold, the page is parsed whole, so
 * the result is always the tree the whole page gives.
 */
import type { Root, RootContent } from 'mdast';
import type { Node, Point } from 'unist';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { planChunks, type Cut } from './parse-chunks.js';

/**
 * Adds GFM tables only (not the rest of GFM: autolink literals, footnotes and
 * strikethrough are of no use to the extractor and cost parse time).
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml']);

/**
 * Pages longer than this (in UTF-16 code units) are parsed in pieces of about
 * this size. micromark's time per byte grows with the size of what it parses:
 * the 5 MB bench page parses in 2.9 s in 16 KB pieces, 4.0 s in 32 KB pieces
 * and 5.3 s in 64 KB pieces (3.2 s in 4 KB pieces, where the copies of the
 * table header and link definitions start to count).
 */
export const defaultChunkSize = 16 * 1024;

/** Strips a byte-order mark so that positions count from the first visible character. */
export function normalizeSource(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The tree of a page. The parser drops a byte-order mark that starts its
 * input and counts positions from after it, so the mark is dropped first:
 * pieces of the page then have the positions the whole page gives.
 */
export function parseMarkdown(page: string, chunkSize = defaultChunkSize): Root {
  const text = normalizeSource(page);
  if (text.length <= chunkSize) return processor.parse(text);
  return parseInChunks(text, chunkSize) ?? processor.parse(text);
}

const countLines = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Moves every position in a tree, in place (the nodes are this parse's own):
 * lines by `lines`, offsets by `offset` (pieces start at a line start, so
 * columns stay). Collects the identifiers of the definitions it passes.
 */
function shift(node: Node, lines: number, offset: number, definitions: Set<string>): void {
  const stack: Node[] = [node];
  const moved = new Set<Point>();
  const move = (point: Point) => {
    if (moved.has(point)) return;
    moved.add(point);
    point.line += lines;
    if (point.offset !== undefined) point.offset += offset;
  };
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current.position) {
      move(current.position.start);
      move(current.position.end);
    }
    if (current.type === 'definition') definitions.add((current as unknown as { identifier: string }).identifier);
    const parent = current as { children?: Node[] };
    if (parent.children) {
      // The parser grows each list of children by pushing, which reserves room for 17; a piece's nodes are kept until the
      // page is extracted, so keep only what is used (a 5 MB table's 24,000 rows hold 5 lists each).
      parent.children = parent.children.slice();
      for (const child of parent.children) stack.push(child);
    }
  }
}

const startOffset = (node: Node): number => node.position?.start.offset ?? -1;
const endOffset = (node: Node): number => node.position?.end.offset ?? -1;

/** One piece of a page: where it starts, the cut before it, and the text it is parsed as. */
interface Piece {
  readonly from: number;
  readonly before: Cut | undefined;
  readonly prefix: string;
  /** What the parser is given: the prefix, the piece, and (first piece) the page's definitions after it. */
  readonly source: string;
}

function piecesOf(text: string, cuts: readonly Cut[], definitions: string): Piece[] {
  // Definitions apply to the whole page: every piece gets them (the first after its text, the others before, so the first of two wins as in the page).
  const definitionsBefore = definitions === '' ? '' : `${definitions}\n`;
  const bounds = [0, ...cuts.map((cut) => cut.offset), text.length];
  return bounds.slice(0, -1).map((from, index) => {
    const to = bounds[index + 1] ?? text.length;
    const before = cuts[index - 1];
    const prefix = index === 0 ? '' : `${definitionsBefore}${before?.kind === 'row' ? before.header : ''}`;
    const suffix = index === 0 && definitions !== '' ? `\n\n${definitions}` : '';
    return { from, before, prefix, source: `${prefix}${text.slice(from, to)}${suffix}` };
  });
}

/** A copy of a tree (plain data: objects, arrays and primitives), to be moved and joined without touching the original. */
function copyTree<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index++) items[index] = copyTree(value[index]);
    return items as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyTree(value[key]);
  return copy as T;
}

/**
 * Text that several pages of one batch hold word for word, parsed once. Two
 * versions of a doc set (what `graphdoc diff` reads) differ in a few lines of
 * most pages: read in the batches of a cold diff, the May 2020 and July 2021
 * v1.0 pages give the parser 75% of their characters (`npm run bench:diff`
 * prints it).
 *
 * Every page is first cut wherever parse-chunks.ts allows (between top-level
 * blocks and between table rows) into units, and each unit is counted with
 * the context it is parsed in (the table header, the page's definitions).
 * A page is then cut where a unit another page holds meets one no other page
 * holds, where two held units are not neighbours on another page too, and
 * every `chunkSize` characters within a run. A piece of the result that
 * another page holds is parsed when first needed, kept until its last use,
 * and handed out as a copy to all but the last; the rest is parsed as usual.
 * The trees are the parser's own, so each page gets the tree it gives alone.
 */
export class SharedPieces {
  /** Page text → the pieces chosen for it, made once (two pages with the same text get the same pieces). */
  private readonly plans = new Map<string, { readonly pieces: readonly Piece[]; readonly definitions: string }>();
  /** Source of a piece more than one page holds → how many uses are still to come. */
  private readonly uses = new Map<string, number>();
  private readonly trees = new Map<string, Root>();
  private parsed = 0;

  constructor(
    texts: readonly string[],
    readonly chunkSize = defaultChunkSize,
  ) {
    const unitIds = new Map<string, number>();
    const unitCounts: number[] = [];
    const pages = texts.map(normalizeSource).map((text) => {
      const plan = planChunks(text, 1);
      const units = piecesOf(text, plan.cuts, plan.definitions).map(({ source }) => {
        let id = unitIds.get(source);
        if (id === undefined) {
          id = unitCounts.length;
          unitIds.set(source, id);
          unitCounts.push(0);
        }
        unitCounts[id] = (unitCounts[id] ?? 0) + 1;
        return id;
      });
      return { text, plan, units };
    });
    unitIds.clear();
    const pairKey = (units: readonly number[], index: number) => `${units[index]} ${units[index + 1]}`;
    const pairCounts = countEach(pages.flatMap(({ units }) => units.slice(1).map((_, index) => pairKey(units, index))));
    const held = (unit: number | undefined) => (unitCounts[unit ?? -1] ?? 0) > 1;
    for (const { text, plan, units } of pages) {
      let lastCut = 0;
      const cuts = plan.cuts.filter((cut, index) => {
        const before = units[index];
        const after = units[index + 1];
        const keep =
          cut.offset - lastCut >= this.chunkSize || held(before) !== held(after) || (held(before) && (pairCounts.get(pairKey(units, index)) ?? 0) < 2);
        if (keep) lastCut = cut.offset;
        return keep;
      });
      if (cuts.length > 0) this.plans.set(text, { pieces: piecesOf(text, cuts, plan.definitions), definitions: plan.definitions });
    }
    const pieceCounts = countEach([...this.plans.values()].flatMap(({ pieces }) => pieces.map(({ source }) => source)));
    for (const [source, count] of pieceCounts) if (count > 1) this.uses.set(source, count);
  }

  /** Characters given to the parser so far (for the benchmark and tests: how much the sharing saved). */
  get parsedCharacters(): number {
    return this.parsed;
  }

  /** The tree of a page of the batch (any page, in fact: one it was not made from is parsed as usual). */
  parsePage(page: string): Root {
    const text = normalizeSource(page);
    const plan = this.plans.get(text);
    if (plan !== undefined) {
      const tree = parsePieces(plan.pieces, plan.definitions, (source) => this.parsePiece(source));
      if (tree !== undefined) return tree;
    }
    this.parsed += text.length;
    return parseMarkdown(text, this.chunkSize);
  }

  /** The tree of a piece: parsed once, and a copy for every use but the last. */
  private parsePiece(source: string): Root {
    const left = this.uses.get(source);
    let tree = this.trees.get(source);
    if (tree === undefined) {
      this.parsed += source.length;
      tree = processor.parse(source);
      if (left === undefined) return tree;
      this.trees.set(source, tree);
    }
    if (left !== undefined && left > 1) {
      this.uses.set(source, left - 1);
      return copyTree(tree);
    }
    this.uses.delete(source);
    this.trees.delete(source);
    return tree;
  }
}

function countEach(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Parses the page piece by piece; undefined when a cut does not hold (the caller parses it whole). */
export function parseInChunks(page: string, chunkSize: number): Root | undefined {
  const text = normalizeSource(page);
  const plan = planChunks(text, chunkSize);
  if (plan.cuts.length === 0) return undefined;
  return parsePieces(piecesOf(text, plan.cuts, plan.definitions), plan.definitions, (source) => processor.parse(source));
}

/** Parses the pieces of a page and joins their nodes; undefined when a cut does not hold. */
function parsePieces(pieces: readonly Piece[], definitions: string, parsePiece: (source: string) => Root): Root | undefined {
  const expected = new Set<string>();
  if (definitions !== '') shift(processor.parse(definitions), 0, 0, expected);
  const seen = new Set<string>();
  const children: RootContent[] = [];
  let root: Root | undefined;
  for (const [index, { from, before, prefix, source }] of pieces.entries()) {
    const piece = parsePiece(source);
    const line = before?.line ?? 1;
    const lines = line - 1 - countLines(prefix);
    const offset = from - prefix.length;
    const bodyStart = prefix.length;
    const bodyEnd = source.length - (index === 0 && definitions !== '' ? definitions.length + 2 : 0);
    let rest = piece.children.filter((node) => startOffset(node) < bodyEnd);
    if (before?.kind === 'row') {
      const headerStart = prefix.length - before.header.length;
      const continued = rest.find((node) => startOffset(node) >= headerStart);
      const table = children.at(-1);
      if (continued?.type !== 'table' || startOffset(continued) !== headerStart || continued.children.length < 2) return undefined;
      if (table?.type !== 'table' || startOffset(table) !== before.headerOffset || endOffset(table) <= before.previousRow) return undefined;
      if (JSON.stringify(table.align) !== JSON.stringify(continued.align) || table.children[0]?.children.length !== continued.children[0]?.children.length) return undefined;
      shift(continued, lines, offset, seen);
      table.children.push(...continued.children.slice(1));
      if (table.position && continued.position) table.position = { start: table.position.start, end: continued.position.end };
      rest = rest.filter((node) => node !== continued);
    } else if (before?.kind === 'block') {
      const last = children.at(-1);
      if (last !== undefined && endOffset(last) > before.quietFrom) return undefined;
    }
    for (const node of rest) {
      if (startOffset(node) < bodyStart) continue; // a definition put before the piece
      if (index > 0 && node.type === 'yaml') return undefined;
      shift(node, lines, offset, seen);
      children.push(node);
    }
    if (index === 0) root = piece;
    else if (root?.position && piece.position) root.position = { start: root.position.start, end: { ...piece.position.end, line: piece.position.end.line + lines, offset: (piece.position.end.offset ?? 0) + offset } };
  }
  if (root === undefined || seen.size !== expected.size || [...seen].some((id) => !expected.has(id))) return undefined;
  root.children = children;
  return root;
}
