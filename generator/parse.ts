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

export function parseMarkdown(text: string, chunkSize = defaultChunkSize): Root {
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

/** Parses the page piece by piece; undefined when a cut does not hold (the caller parses it whole). */
export function parseInChunks(text: string, chunkSize: number): Root | undefined {
  const plan = planChunks(text, chunkSize);
  if (plan.cuts.length === 0) return undefined;
  // Definitions apply to the whole page: every piece gets them (the first after its text, the others before, so the first of two wins as in the page).
  const expected = new Set<string>();
  shift(processor.parse(plan.definitions), 0, 0, expected);
  const definitionsBefore = plan.definitions === '' ? '' : `${plan.definitions}\n`;
  const seen = new Set<string>();
  const children: RootContent[] = [];
  let root: Root | undefined;
  const bounds = [0, ...plan.cuts.map((cut) => cut.offset), text.length];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index] ?? 0;
    const to = bounds[index + 1] ?? text.length;
    const before: Cut | undefined = plan.cuts[index - 1];
    const body = text.slice(from, to);
    const prefix = index === 0 ? '' : `${definitionsBefore}${before?.kind === 'row' ? before.header : ''}`;
    const suffix = index === 0 && plan.definitions !== '' ? `\n\n${plan.definitions}` : '';
    const piece = processor.parse(`${prefix}${body}${suffix}`);
    const line = before?.line ?? 1;
    const lines = line - 1 - countLines(prefix);
    const offset = from - prefix.length;
    const bodyStart = prefix.length;
    const bodyEnd = prefix.length + body.length;
    let rest = piece.children.filter((node) => startOffset(node) < bodyEnd);
    if (before?.kind === 'row') {
      const headerStart = definitionsBefore.length;
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
