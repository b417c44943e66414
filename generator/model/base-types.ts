/**
 * Where a page states base types, besides the annotation's `baseType`: the
 * rules of the "base types" family (see quirks.ts), read from one raw page.
 * What they find is still as written; `link` resolves it and chooses, with
 * the rule "the annotation, unless another statement names a type that
 * derives from it".
 *
 * - On the derived page: "Inherits from [x]", "Inherited from [x] entity",
 *   "Derived from [x]", "A subclass of [x]", "This creates a subclass from
 *   [x]", by link or by name (`statedBase`).
 * - On the base page: a "Derived types" section (a table or a list), or a
 *   sentence ("the derived types are [a], [b] and [c]", "Supported derived
 *   types:" and a list) naming the types that derive from it
 *   (`statedDerivedTypes`).
 * - In a property row: "Inherited from [x]" names an ancestor
 *   (`inheritedFromRow`).
 */
import type { Origin } from '../diagnostics.js';
import type { RawPage, RawParagraph, RawText } from '../extract.js';
import type { WrittenBase, WrittenType } from './ir.js';
import type { QuirkName } from './quirks.js';

const isPageLink = (url: string): boolean => /\.md(#.*)?$/i.test(url.trim());

/** Where each link's text starts in the plain text: links appear in it in order. */
function linkPositions(text: RawText): { readonly at: number; readonly url: string; readonly text: string }[] {
  let cursor = 0;
  return text.links.map((link) => {
    const at = text.text.indexOf(link.text, cursor);
    if (at >= 0) cursor = at + link.text.length;
    return { at, url: link.url, text: link.text };
  });
}

/**
 * The type named right after position `from` of the text: a link to a page
 * that starts there, else the word there as a bare or qualified name
 * (brackets of a link without a target, emphasis and trailing punctuation
 * removed).
 */
function typeNamedAfter(text: RawText, from: number): { type: WrittenType; byName: boolean } | undefined {
  const start = from + (/^\s*/.exec(text.text.slice(from))?.[0].length ?? 0);
  const link = linkPositions(text).find((l) => l.at === start && isPageLink(l.url));
  if (link) return { type: { kind: 'link', url: link.url, text: link.text.replace(/[*`]/g, '').trim() }, byName: false };
  const word = /^(\S+)/.exec(text.text.slice(start))?.[1] ?? '';
  const name = word.replace(/[*`[\]]/g, '').replace(/[.,;:)]+$/g, '');
  return /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/.test(name) ? { type: { kind: 'name', name }, byName: true } : undefined;
}

const derivedPageRules: readonly { readonly rule: QuirkName; readonly pattern: RegExp }[] = [
  // "Inherits from", "inherited from", "derives from", "is derived from", "inherits the properties from", "Inherits from base class".
  { rule: 'inherits-from-prose', pattern: /\b(?:inherits|inherited|derives|derived)\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:base\s+(?:class|type|resource)\s+)?/i },
  // "A subclass of", "is a subclass of", "This creates a subclass from".
  { rule: 'subclass-prose', pattern: /\bsub-?class\s+(?:of|from)\s+(?:the\s+)?/i },
];

const origin = (page: RawPage, at: { line: number; column: number }): Origin => ({ file: page.file, line: at.line, column: at.column });

/** The base type the page states for its own type in prose, and the rule that read it. */
export function statedBase(page: RawPage): WrittenBase | undefined {
  for (const paragraph of page.paragraphs) {
    for (const { rule, pattern } of derivedPageRules) {
      const match = pattern.exec(paragraph.text);
      if (!match) continue;
      const named = typeNamedAfter(paragraph, match.index + match[0].length);
      if (!named) continue;
      return { type: named.type, origin: origin(page, paragraph), rule: named.byName ? 'base-name-without-link' : rule };
    }
  }
  return undefined;
}

/** The first link to a page in a piece of text: a list item or a table cell naming one derived type. */
function firstTypeLink(text: RawText | undefined): WrittenType | undefined {
  const link = text?.links.find((l) => isPageLink(l.url));
  return link ? { kind: 'link', url: link.url, text: link.text.replace(/[*`]/g, '').trim() } : undefined;
}

const derivedTypesHeading = /^derived\s+(?:types?|classes|resources)$/i;
const derivedTypesPhrase = /\bderived\s+(?:types?|classes|resources)\b/i;

/** The types the page says derive from its own type, each with the rule that read it. */
export function statedDerivedTypes(page: RawPage): WrittenBase[] {
  const stated: WrittenBase[] = [];
  const add = (type: WrittenType | undefined, at: { line: number; column: number }, rule: QuirkName) => {
    if (type) stated.push({ type, origin: origin(page, at), rule });
  };
  // A "Derived types" section: the first link of each table row and list item.
  page.headings.forEach((heading, section) => {
    if (!derivedTypesHeading.test(heading.text.trim())) return;
    for (const table of page.tables.filter((t) => t.section === section)) {
      const key = table.headers.find((h) => /^(type|types|name|resource|derived type)$/.test(h)) ?? table.headers[0] ?? '';
      for (const row of table.rows) add(firstTypeLink(row.cells[key]), row.cells[key] ?? row, 'derived-types-section');
    }
    for (const item of page.paragraphs.filter((p) => p.section === section && p.listItem)) add(firstTypeLink(item), item, 'derived-types-section');
  });
  // A sentence: links after "derived types", or, when it ends with a colon, the list that follows it.
  page.paragraphs.forEach((paragraph, index) => {
    if (paragraph.listItem || derivedTypesHeading.test(page.headings[paragraph.section]?.text.trim() ?? '')) return;
    const match = derivedTypesPhrase.exec(paragraph.text);
    if (!match) return;
    if (paragraph.text.trimEnd().endsWith(':')) {
      for (const item of listAfter(page.paragraphs, index)) add(firstTypeLink(item), item, 'derived-types-sentence');
      return;
    }
    for (const link of linkPositions(paragraph)) {
      if (isPageLink(link.url) && link.at >= match.index) add({ kind: 'link', url: link.url, text: link.text.replace(/[*`]/g, '').trim() }, paragraph, 'derived-types-sentence');
    }
  });
  return stated;
}

/** The list items that directly follow paragraph `index`, in the same section. */
function listAfter(paragraphs: readonly RawParagraph[], index: number): RawParagraph[] {
  const items: RawParagraph[] = [];
  const section = paragraphs[index]?.section;
  for (let i = index + 1; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    if (!paragraph?.listItem || paragraph.section !== section) break;
    items.push(paragraph);
  }
  return items;
}

const inheritedFromPattern = /\binherit(?:ed|s)\s+from\s+(?:the\s+)?/i;

/** The ancestor a property row's description names: "Inherited from [x](x.md)", "inherited from microsoft.graph.entity". */
export function inheritedFromRow(description: RawText): WrittenType | undefined {
  const match = inheritedFromPattern.exec(description.text);
  return match ? typeNamedAfter(description, match.index + match[0].length)?.type : undefined;
}
