/**
 * What descriptions say, beyond being documentation: the rules of the
 * "descriptions" family (see quirks.ts). Placeholders are not documentation;
 * "Possible values are: `a`, `b`." lists values, and only the values in that
 * sentence; "is an open type" makes a type open.
 */
import type { RawParagraph, RawText } from '../extract.js';
import type { Fired } from './quirks.js';

/**
 * Placeholders written where a description should be: "**TODO: Add
 * Description**", "TODO", "TBD", "Not yet documented", alone or before the
 * real text ("Not yet documented. Possible values are: …").
 */
const placeholderPatterns: readonly RegExp[] = [
  // Upper case only: "Todo lists" is documentation.
  /^(?:\*\*|__|\*|_)?\s*(?:TODO(?:\s*:\s*[Aa]dd\s+[Dd]escription)?|TBD)\s*(?:\*\*|__|\*|_)?\s*[.:]?(?=\s|$)\s*/,
  /^(?:\*\*|__|\*|_)?\s*not\s+yet\s+documented\s*(?:\*\*|__|\*|_)?\s*[.:]?(?=\s|$)\s*/i,
];

/** The description without a leading placeholder, and whether there was one. */
export function withoutPlaceholder(markdown: string): { readonly text: string; readonly placeholder: boolean } {
  for (const pattern of placeholderPatterns) {
    const match = pattern.exec(markdown);
    if (match) return { text: markdown.slice(match[0].length).trim(), placeholder: true };
  }
  return { text: markdown, placeholder: false };
}

const possibleValuesPattern = /\b(possible values?|allowed values?|supported values?|valid values?|values are|can be one of|one of the following|one of)\b/i;

/** Where the sentence that starts at or before `from` ends in `text`: a full stop before a space or the end, or a line break. */
function sentenceEnd(text: string, from: number, codeRanges: readonly (readonly [number, number])[]): number {
  const stop = /\.(?=\s|$)|\n/g;
  stop.lastIndex = from;
  for (let match = stop.exec(text); match; match = stop.exec(text)) {
    const at = match.index;
    const insideCode = codeRanges.some(([start, end]) => at >= start && at < end);
    const abbreviation = /\b(?:e\.g|i\.e|etc|vs)$/i.test(text.slice(Math.max(0, at - 4), at));
    if (!insideCode && !abbreviation) return at;
  }
  return text.length;
}

/**
 * The values a description lists in prose: the identifier-like code spans
 * after "Possible values are" (or "one of", "valid values"…), up to the end of
 * that sentence. Code spans in later sentences are something else, such as
 * the `$filter` operators a property supports (`eq`, `ne`, `NOT`).
 */
export function listedValues(description: RawText, fired?: Fired): string[] {
  const match = possibleValuesPattern.exec(description.text);
  if (!match) return [];
  // Code spans appear in the text in order: find each after the previous one.
  const spans: { readonly at: number; readonly value: string }[] = [];
  let cursor = 0;
  for (const code of description.codes) {
    const at = description.text.indexOf(code, cursor);
    if (at < 0) continue;
    cursor = at + code.length;
    spans.push({ at, value: code.trim() });
  }
  const end = sentenceEnd(description.text, match.index + match[0].length, spans.map((s) => [s.at, s.at + s.value.length] as const));
  const values: string[] = [];
  let cut = false;
  for (const span of spans) {
    if (span.at < match.index || !/^[A-Za-z_][\w]*$/.test(span.value)) continue;
    if (span.at >= end) {
      cut ||= !values.includes(span.value);
      continue;
    }
    if (!values.includes(span.value)) values.push(span.value);
  }
  if (cut && values.length > 0) fired?.add('values-sentence-end');
  return values;
}

/** "This is an open type": some pages say so only in prose. */
export function saysOpenType(paragraphs: readonly RawParagraph[]): boolean {
  return paragraphs.some((p) => /\bis an open type\b/i.test(p.text));
}
