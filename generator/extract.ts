/**
 * Extract stage: mdast → a raw page. Headings, tables (rows keyed by header
 * name), paragraphs, annotation comments and code blocks, each with its
 * position and the section it sits in. Text is kept as written; the only
 * interpretation is JSON parsing of annotations and code blocks, whose errors
 * become diagnostics. Never throws on any mdast.
 */
import { parseTree, printParseErrorCode, type Node as JsoncNode, type ParseError } from 'jsonc-parser';
import type { Html, List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { diagnostic, type Diagnostic, type Position } from './diagnostics.js';

export interface RawLink {
  readonly text: string;
  readonly url: string;
}

/** Inline content: plain text (code spans keep their value), the markdown as written, links and code spans. */
export interface RawText extends Position {
  readonly text: string;
  readonly markdown: string;
  readonly links: readonly RawLink[];
  readonly codes: readonly string[];
}

export interface RawHeading extends Position {
  readonly depth: number;
  readonly text: string;
  /** GitHub-style anchor slug of the heading text. */
  readonly slug: string;
  /** Index of the enclosing heading (lower depth), or -1. */
  readonly parent: number;
}

export interface RawRow extends Position {
  /** Cells keyed by normalised header name (lower case, formatting removed). */
  readonly cells: Readonly<Record<string, RawText>>;
}

export interface RawTable extends Position {
  readonly section: number;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
}

export interface RawParagraph extends RawText {
  readonly section: number;
  /** A paragraph inside a list item ("- [fileAttachment](fileattachment.md) for files"). */
  readonly listItem: boolean;
}

/** A JSON value with the position of each node in the markdown file. */
export type RawJson =
  | (Position & { readonly kind: 'object'; readonly entries: readonly RawJsonEntry[] })
  | (Position & { readonly kind: 'array'; readonly items: readonly RawJson[] })
  | (Position & { readonly kind: 'string'; readonly value: string })
  | (Position & { readonly kind: 'number'; readonly value: number })
  | (Position & { readonly kind: 'boolean'; readonly value: boolean })
  | (Position & { readonly kind: 'null' });

export interface RawJsonEntry extends Position {
  readonly key: string;
  readonly value: RawJson;
}

export interface RawAnnotation extends Position {
  readonly section: number;
  /** The parsed annotation object, or undefined when it is not a JSON object. */
  readonly value: Readonly<Record<string, unknown>> | undefined;
  /** Index into `codeBlocks` of the first code block after this annotation and before the next one. */
  readonly codeBlock: number;
}

export interface RawCodeBlock extends Position {
  readonly section: number;
  readonly lang: string;
  readonly text: string;
  /** The block parsed as JSON (tolerating comments and trailing commas) when its language is json or empty. */
  readonly json: RawJson | undefined;
  readonly jsonErrors: readonly (Position & { readonly message: string })[];
}

export interface RawPage {
  readonly file: string;
  readonly frontMatter: Readonly<Record<string, unknown>>;
  readonly headings: readonly RawHeading[];
  readonly paragraphs: readonly RawParagraph[];
  readonly tables: readonly RawTable[];
  readonly annotations: readonly RawAnnotation[];
  readonly codeBlocks: readonly RawCodeBlock[];
}

export interface Extracted {
  readonly page: RawPage;
  readonly diagnostics: readonly Diagnostic[];
}

const start = (node: Nodes): Position => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

const end = (node: Nodes): Position => ({
  line: node.position?.end.line ?? 1,
  column: Math.max(1, (node.position?.end.column ?? 2) - 1),
});

/** GitHub's anchor rule: lower case, drop punctuation except hyphens and underscores, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Normalises a header cell: lower case, formatting and surrounding space removed. */
export function headerKey(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Link reference definitions (`[x]: x.md`), by normalised label. */
type Definitions = ReadonlyMap<string, string>;

interface TextSink {
  readonly text: string[];
  readonly links: RawLink[];
  readonly codes: string[];
  readonly definitions: Definitions;
}

function collectText(nodes: readonly PhrasingContent[], out: TextSink): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.text.push(node.value);
        break;
      case 'inlineCode':
        out.text.push(node.value);
        out.codes.push(node.value);
        break;
      case 'html':
        out.text.push(/^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : '');
        break;
      case 'break':
        out.text.push('\n');
        break;
      case 'link':
      case 'linkReference': {
        const inner: TextSink = { ...out, text: [] };
        collectText(node.children, inner);
        const text = inner.text.join('');
        const url = node.type === 'link' ? node.url : out.definitions.get(node.identifier.toLowerCase());
        if (url !== undefined) out.links.push({ text, url });
        out.text.push(text);
        break;
      }
      default:
        if ('children' in node) collectText(node.children as PhrasingContent[], out);
        else if ('value' in node && typeof node.value === 'string') out.text.push(node.value);
    }
  }
}

/** One empty list for every text without links or code spans (most table cells): a big table has tens of thousands. */
const none: readonly never[] = Object.freeze([]);

function rawText(nodes: readonly PhrasingContent[], at: Position, source: string, definitions: Definitions, from?: number, to?: number, trimPipes = false): RawText {
  const out: TextSink = { text: [], links: [], codes: [], definitions };
  collectText(nodes, out);
  let markdown = (from !== undefined && to !== undefined ? source.slice(from, to) : out.text.join('')).trim();
  if (trimPipes) markdown = markdown.replace(/^\|/, '').replace(/\|$/, '').trim();
  // Built whole (not spread from `at`), so that all six fields sit in the object itself.
  return { line: at.line, column: at.column, text: out.text.join('').trim(), markdown, links: out.links.length > 0 ? out.links : none, codes: out.codes.length > 0 ? out.codes : none };
}

/**
 * Offset → position inside a block's text, mapped to the markdown file:
 * `indentOf(i)` is how many columns the markdown had before line i of the
 * text, and no position lies past the block's `end`.
 */
function positionInBlock(lineStarts: readonly number[], offset: number, firstLine: number, indentOf: (line: number) => number, end: Position): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  const line = firstLine + low;
  const column = offset - (lineStarts[low] ?? 0) + 1 + indentOf(low);
  return line > end.line || (line === end.line && column > end.column) ? end : { line, column };
}

/** Offsets where lines start; a line ends at \r\n, \n or a lone \r, as in markdown. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
}

function toRawJson(node: JsoncNode, at: (offset: number) => Position): RawJson | undefined {
  const position = at(node.offset);
  switch (node.type) {
    case 'object': {
      const entries: RawJsonEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
        const value = toRawJson(valueNode, at);
        if (value) entries.push({ ...at(keyNode.offset), key: keyNode.value, value });
      }
      return { ...position, kind: 'object', entries };
    }
    case 'array': {
      const items: RawJson[] = [];
      for (const child of node.children ?? []) {
        const item = toRawJson(child, at);
        if (item) items.push(item);
      }
      return { ...position, kind: 'array', items };
    }
    case 'string':
      return { ...position, kind: 'string', value: String(node.value) };
    case 'number':
      return { ...position, kind: 'number', value: Number(node.value) };
    case 'boolean':
      return { ...position, kind: 'boolean', value: node.value === true };
    case 'null':
      return { ...position, kind: 'null' };
    default:
      return undefined;
  }
}

/** Parses JSON text leniently (comments, trailing commas); positions are mapped into the markdown file. */
export function parseJsonText(
  text: string,
  firstLine: number,
  indentOf: (line: number) => number,
  end: Position,
): { json: RawJson | undefined; errors: (Position & { message: string })[] } {
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const lineStarts = lineStartsOf(text);
  const at = (offset: number) => positionInBlock(lineStarts, offset, firstLine, indentOf, end);
  const errors = parseErrors.map((e) => ({ ...at(e.offset), message: printParseErrorCode(e.error) }));
  return { json: tree ? toRawJson(tree, at) : undefined, errors };
}

/** Plain JS value of a RawJson (objects built without a prototype-sensitive path). */
export function jsonValue(json: RawJson): unknown {
  switch (json.kind) {
    case 'object': {
      const result: Record<string, unknown> = Object.create(null);
      for (const entry of json.entries) if (!Object.hasOwn(result, entry.key)) result[entry.key] = jsonValue(entry.value);
      return result;
    }
    case 'array':
      return json.items.map(jsonValue);
    case 'null':
      return null;
    default:
      return json.value;
  }
}

const annotationPattern = /^<!--([\s\S]*)-->$/;

function isAnnotation(node: Html): boolean {
  const match = annotationPattern.exec(node.value.trim());
  return match !== null && (match[1] ?? '').trim().startsWith('{');
}

export function extractPage(file: string, source: string, root: Root): Extracted {
  const diagnostics: Diagnostic[] = [];
  let frontMatter: Record<string, unknown> = {};
  const headings: RawHeading[] = [];
  const paragraphs: RawParagraph[] = [];
  const tables: RawTable[] = [];
  const annotations: (Omit<RawAnnotation, 'codeBlock'> & { codeBlock: number })[] = [];
  const codeBlocks: RawCodeBlock[] = [];
  let section = -1;
  let pendingAnnotation = -1;
  // The page's lines, split once and only when an indented fence needs them.
  let lines: string[] | undefined;
  const sourceLine = (line: number): string => (lines ??= source.split(/\r\n|\r|\n/))[line - 1] ?? '';
  const definitions = new Map<string, string>();
  for (const node of root.children) {
    if (node.type === 'definition' && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
  }

  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'yaml': {
        try {
          const data: unknown = parseYaml(node.value);
          if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter = data as Record<string, unknown>;
        } catch (error) {
          diagnostics.push(diagnostic('malformed-front-matter', { file, ...start(node) }, firstLine(error)));
        }
        return;
      }
      case 'heading': {
        const text = rawText(node.children, start(node), source, definitions).text;
        let parent = section;
        while (parent >= 0 && (headings[parent]?.depth ?? 0) >= node.depth) parent = headings[parent]?.parent ?? -1;
        headings.push({ ...start(node), depth: node.depth, text, slug: slugify(text), parent });
        section = headings.length - 1;
        return;
      }
      case 'paragraph': {
        const from = node.position?.start.offset;
        const to = node.position?.end.offset;
        paragraphs.push({ ...rawText(node.children, start(node), source, definitions, from, to), section, listItem: false });
        return;
      }
      case 'list': {
        // The paragraphs of list items, nested lists included, in document order.
        const items = (list: List): void => {
          for (const item of list.children) {
            for (const child of item.children) {
              if (child.type === 'paragraph') {
                const text = rawText(child.children, start(child), source, definitions, child.position?.start.offset, child.position?.end.offset);
                paragraphs.push({ ...text, section, listItem: true });
              } else if (child.type === 'list') items(child);
            }
          }
        };
        items(node);
        return;
      }
      case 'table':
        tables.push(extractTable(node, section, source, definitions));
        return;
      case 'html': {
        if (!isAnnotation(node)) return;
        // Blank out the comment markers so that offsets in the JSON are offsets in the node.
        const body = node.value.replace('<!--', '    ').replace(/-->(\s*)$/, '   $1');
        const at = start(node);
        const { json, errors } = parseJsonText(body, at.line, (line) => (line === 0 ? at.column - 1 : 0), end(node));
        const error = errors[0];
        if (error) diagnostics.push(diagnostic('malformed-annotation', { file, line: error.line, column: error.column }, error.message));
        const value = json?.kind === 'object' ? (jsonValue(json) as Record<string, unknown>) : undefined;
        annotations.push({ ...at, section, value, codeBlock: -1 });
        pendingAnnotation = annotations.length - 1;
        return;
      }
      case 'code': {
        const lang = (node.lang ?? '').toLowerCase();
        const at = start(node);
        const firstContentLine = at.line + 1;
        let json: RawJson | undefined;
        let jsonErrors: (Position & { message: string })[] = [];
        if (lang === 'json' || lang === '' || lang === 'jsonc') {
          // A fence indented by n strips up to n spaces from each content line: find how many each line had.
          const fenceIndent = at.column - 1;
          const indentOf = (line: number) => (fenceIndent === 0 ? 0 : Math.min(fenceIndent, /^ */.exec(sourceLine(firstContentLine + line))?.[0].length ?? 0));
          const parsed = parseJsonText(node.value, firstContentLine, indentOf, end(node));
          json = parsed.json;
          jsonErrors = parsed.errors;
        }
        codeBlocks.push({ ...at, section, lang, text: node.value, json, jsonErrors });
        const annotation = annotations[pendingAnnotation];
        if (annotation && annotation.codeBlock === -1) annotation.codeBlock = codeBlocks.length - 1;
        pendingAnnotation = -1;
        return;
      }
      default:
        return;
    }
  };

  for (const node of root.children) visit(node);
  return { page: { file, frontMatter, headings, paragraphs, tables, annotations, codeBlocks }, diagnostics };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function extractTable(node: Table, section: number, source: string, definitions: Definitions): RawTable {
  const [headerRow, ...bodyRows] = node.children;
  const headers: string[] = [];
  for (const cell of headerRow?.children ?? []) {
    let key = headerKey(rawText(cell.children, start(cell), source, definitions).text);
    if (headers.includes(key)) key = `${key}#${headers.length + 1}`;
    headers.push(key);
  }
  const rows: RawRow[] = bodyRows.map((row) => {
    const cells: Record<string, RawText> = Object.create(null);
    row.children.forEach((cell, index) => {
      const key = headers[index];
      if (key === undefined) return;
      const from = cell.position?.start.offset;
      const to = cell.position?.end.offset;
      // A cell's position starts at its pipe; point at its content instead.
      const at = start(cell);
      const leading = from === undefined ? 0 : (/^\|?[ \t]*/.exec(source.slice(from, to)) ?? [''])[0].length;
      // The markdown slice of a cell includes its pipes; keep only the content.
      cells[key] = rawText(cell.children, { line: at.line, column: at.column + leading }, source, definitions, from, to, true);
    });
    return { ...start(row), cells };
  });
  return { ...start(node), section, headers, rows };
}
