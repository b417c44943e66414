/**
 * Reading a Type cell: the ordered normalisation rules that turn what a doc
 * writes ("String collection", "Collection(Edm.Int32)", "[user](user.md)",
 * "Int32 (nullable)") into a WrittenType. Each rule is named and has a fixture
 * in test/model/written-type.test.ts.
 */
import type { RawText } from '../extract.js';
import { edmPrimitives, type EdmPrimitive, type WrittenType } from './ir.js';

const primitiveByLowerName = new Map<string, EdmPrimitive>(edmPrimitives.map((name) => [name.toLowerCase(), name]));

/** Spellings that are not Edm names but mean one: seen in hand-written pages. */
const primitiveAliases: ReadonlyMap<string, EdmPrimitive> = new Map([
  ['bool', 'Boolean'],
  ['datetime', 'DateTimeOffset'],
  ['integer', 'Int32'],
  ['int', 'Int32'],
  ['long', 'Int64'],
  ['float', 'Single'],
  ['timestamp', 'DateTimeOffset'],
  ['uri', 'String'],
  ['url', 'String'],
  ['uuid', 'Guid'],
]);

export function primitiveNamed(written: string): EdmPrimitive | undefined {
  const lower = written.trim().toLowerCase().replace(/^edm\./, '');
  return primitiveByLowerName.get(lower) ?? primitiveAliases.get(lower);
}

interface Rule {
  readonly name: string;
  /** Returns the inner text to read again as the element type of a collection, or undefined when the rule does not apply. */
  readonly collection: (text: string) => string | undefined;
}

/** Collection spellings, tried in order. */
const collectionRules: readonly Rule[] = [
  { name: 'Collection(X)', collection: (t) => /^collection\s*\(\s*(.+?)\s*\)$/i.exec(t)?.[1] },
  { name: 'X collection', collection: (t) => /^(.+?)\s+collection$/i.exec(t)?.[1] },
  { name: 'collection of X', collection: (t) => /^(?:a\s+)?collection\s+of\s+(.+)$/i.exec(t)?.[1] },
  { name: 'X[]', collection: (t) => /^(.+?)\s*\[\]$/.exec(t)?.[1] },
];

/** Tidying applied to the plain text of a cell before reading it. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[*`]/g, '')
    .trim()
    // "String (identifier)", "Int32 (nullable)": drop a trailing parenthetical remark, but not Collection(X)'s own.
    .replace(/(?<!^collection\s*)\s*\([^()]*\)$/i, '')
    .replace(/[.,;]+$/, '')
    .trim();
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function readText(text: string): WrittenType {
  for (const rule of collectionRules) {
    const inner = rule.collection(text);
    if (inner !== undefined) return { kind: 'collection', element: readText(inner) };
  }
  const primitive = primitiveNamed(text);
  if (primitive) return { kind: 'primitive', name: primitive };
  if (namePattern.test(text)) return { kind: 'name', name: text };
  // A link whose closing parenthesis is missing is plain text to the parser: "[x](x.md".
  const brokenLink = /^\[([A-Za-z_][\w.]*)\]\([^)]*$/.exec(text)?.[1];
  if (brokenLink) return { kind: 'name', name: brokenLink };
  return { kind: 'unreadable', written: text };
}

/** Is this link target a type page or an anchor, rather than an external page? */
function typeLink(url: string): boolean {
  return url.startsWith('#') || /\.md(#.*)?$/i.test(url);
}

/** Reads a Type cell. A link to a page or anchor names the type; the surrounding text decides collection-ness. */
export function readTypeCell(cell: RawText | undefined): WrittenType {
  const text = tidy(cell?.text ?? '');
  const links = cell?.links.filter((l) => typeLink(l.url.trim())) ?? [];
  const link = links[0];
  if (!link) return text === '' ? { kind: 'unreadable', written: '' } : readText(text);
  // "[a](a.md) or [b](b.md)": alternatives, resolved by link to their common base.
  if (links.length > 1 && /\bor\b/i.test(text)) {
    const options = links.map((l) => readTypeCell({ ...cell, text: l.text, markdown: l.text, links: [l] } as RawText));
    return /\bcollection\b/i.test(text) ? { kind: 'collection', element: { kind: 'oneOf', options } } : { kind: 'oneOf', options };
  }
  const url = link.url.trim();
  const linkText = link.text.replace(/[*`]/g, '').trim();
  const target: WrittenType = url.startsWith('#')
    ? { kind: 'anchor', slug: url.slice(1).toLowerCase(), text: linkText }
    : { kind: 'link', url, text: linkText };
  // The link text itself may say "collection" (`[x](x.md collection)` is a broken link; `[x collection](x.md)` is not).
  const outside = text.replace(linkText, 'X');
  const around = readText(outside === '' ? 'X' : outside);
  const textSaysCollection = collectionRules.some((rule) => rule.collection(linkText) !== undefined);
  return around.kind === 'collection' || textSaysCollection ? { kind: 'collection', element: target } : target;
}
