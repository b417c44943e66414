/**
 * Finds the annotated examples in API pages: every `"blockType": "response"`
 * annotation, and every `"blockType": "request"` one that names a type, with
 * the HTTP block that follows, its JSON body parsed with positions mapped to
 * the markdown. Uses the generator's parse and extract stages; never throws on
 * any page.
 */
import { parseJsonText, extractPage, type RawCodeBlock, type RawJson } from '../extract.js';
import type { Position } from '../diagnostics.js';
import { normalizeSource, parseMarkdown } from '../parse.js';

export interface Example {
  readonly file: string;
  /** The annotation's position. */
  readonly line: number;
  readonly column: number;
  readonly blockType: 'request' | 'response';
  /** `@odata.type` (or `@type`) as written, when there is one. */
  readonly typeName?: string;
  readonly isCollection: boolean;
  readonly truncated: boolean;
  readonly isEmpty: boolean;
  readonly expectError: boolean;
  /** The code block after the annotation, if any. */
  readonly block?: { readonly line: number; readonly column: number; readonly lang: string };
  /** The body: parsed JSON, the first parse error, or nothing when the block has no body. */
  readonly body: ExampleBody;
}

export type ExampleBody =
  | { readonly kind: 'none' }
  /** A body whose Content-Type says it is not JSON. */
  | { readonly kind: 'not-json'; readonly contentType: string }
  | { readonly kind: 'json'; readonly json: RawJson }
  | { readonly kind: 'invalid'; readonly error: Position & { readonly message: string } };

/** Annotation flags are booleans, sometimes written as strings. */
function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Splits an HTTP block into head (status or request line, headers) and body.
 * A block that starts with `{` or `[` is all body.
 */
export function splitHttp(block: RawCodeBlock, sourceLines: readonly string[]): ExampleBody {
  const lines = block.text.split('\n');
  let bodyStart = 0;
  let contentType = '';
  const first = (lines[0] ?? '').trim();
  if (!first.startsWith('{') && !first.startsWith('[')) {
    let index = 0;
    while (index < lines.length && (lines[index] ?? '').trim() !== '') {
      const header = /^\s*content-type\s*:\s*(.*)$/i.exec(lines[index] ?? '');
      if (header) contentType = (header[1] ?? '').trim();
      index++;
    }
    bodyStart = index + 1;
  }
  const bodyLines = lines.slice(bodyStart);
  const body = bodyLines.join('\n');
  if (body.trim() === '') return { kind: 'none' };
  if (contentType !== '' && !/json/i.test(contentType)) return { kind: 'not-json', contentType };
  // The block's content starts on the line after the fence; an indented fence strips up to its indentation from each line.
  const firstLine = block.line + 1 + bodyStart;
  const fenceIndent = block.column - 1;
  const indentOf = (line: number) => Math.min(fenceIndent, /^ */.exec(sourceLines[firstLine - 1 + line] ?? '')?.[0].length ?? 0);
  const { json, errors } = parseJsonText(body, firstLine, indentOf, { line: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER });
  const error = errors[0];
  if (error || json === undefined) return { kind: 'invalid', error: error ?? { line: block.line + 1 + bodyStart, column: block.column, message: 'no JSON value' } };
  return { kind: 'json', json };
}

/** Every example in one page, in page order. */
export function findExamples(file: string, source: string): Example[] {
  const normalized = normalizeSource(source);
  let page;
  try {
    page = extractPage(file, normalized, parseMarkdown(normalized)).page;
  } catch {
    return [];
  }
  const examples: Example[] = [];
  const sourceLines = normalized.split(/\r\n?|\n/);
  for (const annotation of page.annotations) {
    const value = annotation.value;
    if (!value) continue;
    const blockType = text(value['blockType'])?.toLowerCase();
    if (blockType !== 'response' && blockType !== 'request') continue;
    const typeName = text(value['@odata.type']) ?? text(value['@type']);
    if (blockType === 'request' && typeName === undefined) continue;
    const block = annotation.codeBlock >= 0 ? page.codeBlocks[annotation.codeBlock] : undefined;
    examples.push({
      file,
      line: annotation.line,
      column: annotation.column,
      blockType,
      ...(typeName !== undefined ? { typeName } : {}),
      isCollection: flag(value['isCollection']),
      truncated: flag(value['truncated']),
      isEmpty: flag(value['isEmpty']),
      expectError: flag(value['expectError']),
      ...(block ? { block: { line: block.line, column: block.column, lang: block.lang } } : {}),
      body: block ? splitHttp(block, sourceLines) : { kind: 'none' },
    });
  }
  return examples;
}

/** The JSON node a JSON Pointer designates, or the deepest node on the way; for a key that is an unknown property, the entry's key. */
export function locate(json: RawJson, pointer: string): Position {
  if (pointer === '') return json;
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: RawJson = json;
  let at: Position = json;
  for (const segment of segments) {
    if (node.kind === 'object') {
      const entry = node.entries.find((e) => e.key === segment);
      if (!entry) return at;
      // The entry's key: where an unknown property is, and on the line of the value it names.
      at = { line: entry.line, column: entry.column };
      node = entry.value;
    } else if (node.kind === 'array') {
      const item = node.items[Number(segment)];
      if (!item || !/^\d+$/.test(segment)) return at;
      node = item;
      at = item;
    } else {
      return at;
    }
  }
  return at;
}
