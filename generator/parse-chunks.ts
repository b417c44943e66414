/**
 * Where a big page can be cut so that each piece parses on its own to the
 * nodes the whole page would give. micromark keeps every token of a document
 * until the end of the parse (about 400 bytes of memory per byte of a table),
 * so parse.ts parses a big page piece by piece; this module only reads lines
 * and proposes the cuts. parse.ts checks each cut against the nodes it gets
 * and parses the page whole when a cut turns out wrong.
 *
 * Two kinds of cut, both at the start of a line:
 * - `block`: before a line that starts at the left margin after a blank
 *   line, outside front matter, fenced code and the HTML blocks that may
 *   hold blank lines (`<!-- -->`, `<script>`…). Not before a list item (the
 *   list would be split in two) nor a line starting with `-` or `+` (a piece
 *   starting with `---` would read as front matter), nor a line starting
 *   with U+FEFF (the parser drops a byte-order mark that starts its input).
 * - `row`: between two rows of a table (lines starting with `|`); the piece
 *   after the cut is parsed with the table's header and delimiter lines
 *   before it, which parse.ts then drops (so not in a table whose header
 *   line starts with U+FEFF).
 * Link reference definitions apply to the whole page, so their lines are
 * collected too: parse.ts puts them before every piece.
 */

export interface Cut {
  readonly kind: 'block' | 'row';
  /** Offset of the first character after the cut: the start of a line. */
  readonly offset: number;
  /** 1-based line number of that line. */
  readonly line: number;
  /** `block`: offset of the first of the blank lines before the cut; no node of the piece before may reach it. */
  readonly quietFrom: number;
  /** `row`: the table's header and delimiter lines, with their line endings. */
  readonly header: string;
  /** `row`: offset where the table's header line starts; the table before the cut must start there. */
  readonly headerOffset: number;
  /** `row`: offset where the row just before the cut starts; the table before the cut must reach into it. */
  readonly previousRow: number;
}

export interface ChunkPlan {
  readonly cuts: readonly Cut[];
  /** Lines that look like link reference definitions, each ending with a line ending. */
  readonly definitions: string;
}

const lineEnding = /\r\n|\r|\n/g;
const blankLine = /^[ \t]*$/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const delimiterRow = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const tableRow = /^ {0,3}\|/;
const listItem = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const definitionLine = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;
/** HTML blocks that end at a marker rather than at a blank line (CommonMark kinds 1 to 5), with that marker. */
const htmlBlocks: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Cells in a table line: pipes not escaped with a backslash separate them; a leading and a trailing pipe are optional. */
function cellCount(line: string): number {
  const pipes = line.trim().replace(/\\./g, 'x').replace(/^\|/, '').replace(/\|$/, '').match(/\|/g);
  return (pipes?.length ?? 0) + 1;
}

/** Cuts at least `size` characters apart, greedily, and the definition lines. */
export function planChunks(text: string, size: number): ChunkPlan {
  const cuts: Cut[] = [];
  const definitions: string[] = [];
  let lastCut = 0;
  let frontMatter = false;
  let fence: { readonly char: string; readonly length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let table: { readonly header: string; readonly headerOffset: number } | undefined;
  let quietFrom: number | undefined;
  let previous: { readonly text: string; readonly start: number; readonly whole: string } | undefined;
  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    lineEnding.lastIndex = start;
    const found = lineEnding.exec(text);
    const end = found ? found.index : text.length;
    const next = found ? end + found[0].length : text.length;
    const line = text.slice(start, end);
    lineNumber++;
    const current = { text: line, start, whole: text.slice(start, next) };
    const far = start - lastCut >= size;
    const cut = (kind: Cut['kind'], extra: Partial<Cut>) => {
      cuts.push({ kind, offset: start, line: lineNumber, quietFrom: start, header: '', headerOffset: start, previousRow: start, ...extra });
      lastCut = start;
    };

    if (lineNumber === 1 && /^---[ \t]*$/.test(line)) {
      frontMatter = true;
    } else if (frontMatter) {
      if (/^---[ \t]*$/.test(line)) frontMatter = false;
    } else if (fence) {
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (blankLine.test(line)) {
      table = undefined;
      quietFrom ??= start;
    } else {
      if (table && tableRow.test(line)) {
        if (far && previous) cut('row', { header: table.header, headerOffset: table.headerOffset, previousRow: previous.start });
      } else {
        table = undefined;
        if (quietFrom !== undefined && far && /^[^ \t\uFEFF]/.test(line) && !listItem.test(line) && !/^[-+]/.test(line)) cut('block', { quietFrom });
        if (definitionLine.test(line)) definitions.push(`${line}\n`);
        const opening = fenceOpen.exec(line);
        if (opening?.[1] && !(opening[1][0] === '`' && (opening[2] ?? '').includes('`'))) fence = { char: opening[1][0] ?? '`', length: opening[1].length };
        const html = htmlBlocks.find(([begin]) => begin.test(line));
        if (!fence && html && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1];
        if (!fence && !htmlEnd && previous && !blankLine.test(previous.text) && !previous.text.startsWith('\uFEFF') && delimiterRow.test(line) && cellCount(previous.text) === cellCount(line)) {
          table = { header: `${previous.whole}${current.whole}`, headerOffset: previous.start };
        }
      }
      quietFrom = undefined;
    }
    previous = current;
    start = next;
  }
  return { cuts, definitions: definitions.join('') };
}
