/**
 * Reading a Type cell: the ordered normalisation rules that turn what a doc
 * writes ("String collection", "Collection(Edm.Int32)", "[user](user.md)",
 * "Int32 (nullable)") into a WrittenType. Each rule is named and has a fixture
 * in test/unit/written-type.test.ts; the quirks among them are in the
 * catalogue (quirks.ts) and recorded when they fire.
 */
import type { RawText } from '../extract.js';
import { edmPrimitives, type EdmPrimitive, type WrittenType } from './ir.js';
import type { Fired, QuirkName } from './quirks.js';

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
  /** The quirk rule this spelling is, when it is not the canonical "X collection". */
  readonly quirk?: QuirkName;
  /** Returns the inner text to read again as the element type of a collection, or undefined when the rule does not apply. */
  readonly collection: (text: string) => string | undefined;
}

/** Collection spellings, tried in order. */
const collectionRules: readonly Rule[] = [
  { name: 'Collection(X)', quirk: 'collection-call-syntax', collection: (t) => /^collection\s*\(\s*(.+?)\s*\)$/i.exec(t)?.[1] },
  { name: 'X collection', collection: (t) => /^(.+?)\s+collection$/i.exec(t)?.[1] },
  { name: 'collection of X', quirk: 'collection-of-phrase', collection: (t) => /^(?:a\s+)?collection\s+of\s+(.+)$/i.exec(t)?.[1] },
  { name: 'X[]', quirk: 'array-brackets', collection: (t) => /^(.+?)\s*\[\]$/.exec(t)?.[1] },
];

/** A trailing parenthetical remark ("String (identifier)", "Int32 (nullable)"), but not Collection(X)'s own parenthesis. */
const trailingRemark = /(?<!^collection\s*)\s*\([^()]*\)$/i;

/** Tidying applied to the plain text of a cell before reading it. */
function tidy(text: string, fired?: Fired): string {
  const plain = text.replace(/\s+/g, ' ').replace(/[*`]/g, '').trim();
  const withoutRemark = plain.replace(trailingRemark, '');
  if (withoutRemark !== plain) fired?.add('type-cell-remark');
  return withoutRemark.replace(/[.,;]+$/, '').trim();
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A primitive as a Type cell writes it, recording an `Edm.` prefix or a name that is not Edm's. */
function readPrimitive(text: string, fired?: Fired): EdmPrimitive | undefined {
  const lower = text.trim().toLowerCase();
  const bare = lower.replace(/^edm\./, '');
  const canonical = primitiveByLowerName.get(bare);
  const alias = canonical ? undefined : primitiveAliases.get(bare);
  if (!canonical && !alias) return undefined;
  if (bare !== lower) fired?.add('edm-prefix');
  if (alias) fired?.add('primitive-alias');
  return canonical ?? alias;
}

function readText(text: string, fired?: Fired): WrittenType {
  for (const rule of collectionRules) {
    const inner = rule.collection(text);
    if (inner === undefined) continue;
    if (rule.quirk) fired?.add(rule.quirk);
    const element = readText(inner, fired);
    // "X collection collection": OData has no collection of collections, so the docs mean one collection.
    if (element.kind === 'collection') {
      fired?.add('repeated-collection');
      return element;
    }
    return { kind: 'collection', element };
  }
  const primitive = readPrimitive(text, fired);
  if (primitive) return { kind: 'primitive', name: primitive };
  if (namePattern.test(text)) return { kind: 'name', name: text };
  // A link whose closing parenthesis is missing is plain text to the parser: "[x](x.md".
  const brokenLink = /^\[([A-Za-z_][\w.]*)\]\([^)]*$/.exec(text)?.[1];
  if (brokenLink) {
    fired?.add('unclosed-link');
    return { kind: 'name', name: brokenLink };
  }
  return { kind: 'unreadable', written: text };
}

/** Is this link target a type page or an anchor, rather than an external page? */
function typeLink(url: string): boolean {
  return url.startsWith('#') || /\.md(#.*)?$/i.test(url);
}

/**
 * Reads a Type cell. A link to a page or anchor names the type; the
 * surrounding text decides collection-ness. `fired` collects the quirk rules
 * the cell needed.
 */
export function readTypeCell(cell: RawText | undefined, fired?: Fired): WrittenType {
  const text = tidy(cell?.text ?? '', fired);
  const links = cell?.links.filter((l) => typeLink(l.url.trim())) ?? [];
  const link = links[0];
  if (!link) return text === '' ? { kind: 'unreadable', written: '' } : readText(text, fired);
  // "[a](a.md) or [b](b.md)": alternatives, resolved by link to their common base.
  if (links.length > 1 && /\bor\b/i.test(text)) {
    const options = links.map((l) => readTypeCell({ ...cell, text: l.text, markdown: l.text, links: [l] } as RawText, fired));
    return /\bcollection\b/i.test(text) ? { kind: 'collection', element: { kind: 'oneOf', options } } : { kind: 'oneOf', options };
  }
  const url = link.url.trim();
  const linkText = link.text.replace(/[*`]/g, '').trim();
  const target: WrittenType = url.startsWith('#')
    ? { kind: 'anchor', slug: url.slice(1).toLowerCase(), text: linkText }
    : { kind: 'link', url, text: linkText };
  // The link text itself may say "collection" (`[x](x.md collection)` is a broken link; `[x collection](x.md)` is not).
  const outside = text.replace(linkText, 'X');
  const around = readText(outside === '' ? 'X' : outside, fired);
  const textSaysCollection = collectionRules.some((rule) => rule.collection(linkText) !== undefined);
  return around.kind === 'collection' || textSaysCollection ? { kind: 'collection', element: target } : target;
}
