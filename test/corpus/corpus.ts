/**
 * The Graph v1.0 corpus in ../shared, and independent scanners over its raw
 * text. The scanners use plain line-based regular expressions, not the
 * generator's parser, so that the corpus test and the fidelity report check
 * the generator against a second reading of the docs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '../../generator/pipeline.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = join(projectRoot, '..', 'shared');
export const resourcesDir = join(sharedDir, 'corpus', 'graph-docs-2021-07-v1.0', 'resources');
export const olderResourcesDir = join(sharedDir, 'corpus', 'graph-docs-2020-05-v1.0', 'resources');
export const corpusAvailable = existsSync(resourcesDir);
export const corpusMissingMessage = `corpus not found at ${resourcesDir}: corpus tests are skipped (they need ../shared beside the project)`;

/** One doc set under ../shared/corpus: its resource pages and, when it has them, its API pages with examples. */
export interface Corpus {
  /** The folder name, e.g. `graph-docs-2021-07-v1.0`. */
  readonly name: string;
  readonly resources: string;
  readonly api?: string;
}

export const corporaDir = join(sharedDir, 'corpus');

/** Every corpus under ../shared/corpus (a folder with a `resources` folder), by name. */
export function discoverCorpora(): Corpus[] {
  if (!existsSync(corporaDir)) return [];
  return readdirSync(corporaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corporaDir, entry.name, 'resources')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const api = join(corporaDir, name, 'api');
      return { name, resources: join(corporaDir, name, 'resources'), ...(existsSync(api) ? { api } : {}) };
    });
}

export const noCorporaMessage = `no corpus found under ${corporaDir}: corpus tests are skipped (they need ../shared beside the project)`;

export function readPages(dir: string): Page[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** A type named by a link: its text, and the file name of its target (lower case). */
export interface LinkedName {
  readonly text: string;
  readonly file: string;
}

/** What a page says, read line by line. */
export interface ScannedPage {
  readonly path: string;
  /** `@odata.type` (or `@type`) of a resource annotation. */
  readonly resourceType?: string;
  readonly baseType?: string;
  readonly namespace?: string;
  readonly isEnumPage: boolean;
  readonly hasPropertiesTable: boolean;
  /** Names of `x values` sections that hold a table. */
  readonly enumSections: readonly string[];
  /** Rows of Properties and Relationships tables: first cell, second cell. */
  readonly rows: readonly { readonly name: string; readonly type: string; readonly line: number }[];
  /** Top-level keys of the JSON representation (without control information). */
  readonly jsonKeys: readonly string[];
  /** The base type the page's prose states for its own type ("Inherits from [x]", "a subclass of [x]"). */
  readonly proseBase?: LinkedName;
  /** Types the page says derive from its own ("## Derived types" table or list, "the derived types are [a], [b]"). */
  readonly derivedTypes: readonly LinkedName[];
}

const cells = (line: string) => line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());

export function scanPage(page: Page): ScannedPage {
  const lines = page.text.split(/\r?\n/);
  let resourceType: string | undefined;
  let baseType: string | undefined;
  const annotation = /<!--\s*(\{[\s\S]*?\})\s*-->/g;
  for (let match = annotation.exec(page.text); match; match = annotation.exec(page.text)) {
    const body = match[1] ?? '';
    if (!/"blockType"\s*:\s*"resource"/i.test(body)) continue;
    resourceType = /"@(?:odata\.)?type"\s*:\s*"#?([^"]+)"/.exec(body)?.[1];
    baseType = /"baseType"\s*:\s*"#?([^"]+)"/.exec(body)?.[1];
    break;
  }
  const namespace = /^Namespace:\s*([\w.]+)/m.exec(page.text)?.[1];
  const isEnumPage = /^doc_type:\s*["']?enumPageType/m.test(page.text);
  let section = '';
  let hasPropertiesTable = false;
  const enumSections: string[] = [];
  const rows: { name: string; type: string; line: number }[] = [];
  let inTable = false;
  let inFence = false;
  let previous = '';
  for (const [index, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const current = line;
    const heading = /^(#{2,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = (heading[2] ?? '').trim();
      const depth = (heading[1] ?? '').length;
      const enumName = /^`?(\w+)`?\s+values$/i.exec(text)?.[1];
      if (/^(properties|relationships)$/i.test(text) || (depth === 2 && !enumName)) section = text.toLowerCase();
      // "Properties of a token lifetime policy definition": fields of a JSON document a String property holds, not the type's.
      if (/^propert(y|ies)\s+of\b/i.test(text)) section = 'embedded document';
      if (enumName) section = `enum:${enumName}`;
      inTable = false;
      continue;
    }
    if (!line.includes('|')) {
      inTable = false;
      previous = current;
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line)) {
      const [nameHeader = '', typeHeader = ''] = cells(previous);
      inTable = /property|name|relationship/i.test(nameHeader) && /^\W*type\W*$/i.test(typeHeader);
      if (section.startsWith('enum:') && !enumSections.includes(section.slice(5))) enumSections.push(section.slice(5));
      if (section === 'properties' && inTable) hasPropertiesTable = true;
      previous = current;
      continue;
    }
    previous = current;
    if (!inTable || !(section === 'properties' || section === 'relationships')) continue;
    const [first = '', second = ''] = cells(line);
    const name = first.replace(/[*`\\]/g, '').trim();
    if (/^[A-Za-z_@][\w@.-]*$/.test(name) && second !== '') rows.push({ name, type: second, line: index + 1 });
  }
  return { path: page.path, resourceType, baseType, namespace, isEnumPage, hasPropertiesTable, enumSections, rows, jsonKeys: jsonKeysOf(page.text), ...statedBases(lines) };
}

const linkPattern = /\[([^\]]+)\]\(([^)#]*?)([^/)#]*\.md)(?:#[^)]*)?\)/g;
const linked = (match: RegExpMatchArray): LinkedName => ({ text: (match[1] ?? '').replace(/[*`]/g, '').trim(), file: (match[3] ?? '').toLowerCase() });
const firstLink = (line: string): LinkedName | undefined => {
  const match = [...line.matchAll(linkPattern)][0];
  return match ? linked(match) : undefined;
};

/**
 * Where the prose states base types, line by line (tables, fences and
 * headings aside): the derived page's "inherits from / derived from /
 * subclass of [x]", and the base page's derived types, in a "Derived types"
 * section or a sentence naming them or introducing a list of them.
 */
function statedBases(lines: readonly string[]): { proseBase?: LinkedName; derivedTypes: LinkedName[] } {
  let proseBase: LinkedName | undefined;
  const derivedTypes: LinkedName[] = [];
  let inFence = false;
  let inDerivedSection = false;
  let listFollows = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (/^#{1,6}\s/.test(line)) {
      inDerivedSection = /^#{1,6}\s+derived types\s*$/i.test(line);
      listFollows = false;
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+\.)\s+/.test(line);
    if ((inDerivedSection && (item || line.trimStart().startsWith('|'))) || (listFollows && item)) {
      const link = firstLink(line);
      if (link) derivedTypes.push(link);
      continue;
    }
    if (line.trim() !== '') listFollows = false;
    if (line.trimStart().startsWith('|') || item) continue;
    const phrase = /derived types?\b/i.exec(line);
    if (phrase) {
      if (line.trimEnd().endsWith(':')) listFollows = true;
      else for (const match of line.slice(phrase.index).matchAll(linkPattern)) derivedTypes.push(linked(match));
    }
    const base = /\b(?:(?:inherits|inherited|derives|derived)\s+(?:\w+\s+){0,3}?from|sub-?class\s+(?:of|from))\s+(?:the\s+)?(?:base\s+(?:class|type)\s+)?(\[[^\]]+\]\([^)]*\.md(?:#[^)]*)?\))/i.exec(line);
    if (base && proseBase === undefined) proseBase = firstLink(base[1] ?? '');
  }
  return { ...(proseBase !== undefined ? { proseBase } : {}), derivedTypes };
}

/** Keys at the top level of the first code block after the resource annotation. */
function jsonKeysOf(text: string): string[] {
  const at = text.search(/"blockType"\s*:\s*"resource"/i);
  if (at < 0) return [];
  const fence = /```\s*json\s*\n([\s\S]*?)```/i.exec(text.slice(at));
  if (!fence) return [];
  const keys: string[] = [];
  let depth = 0;
  for (const line of (fence[1] ?? '').split('\n')) {
    const key = /^\s*"([^"]+)"\s*:/.exec(line)?.[1];
    // Only keys that can be property names ("implementationCost " with a space cannot).
    if (depth === 1 && key && /^[A-Za-z_$][\w$-]*$/.test(key) && !keys.includes(key)) keys.push(key);
    for (const char of line.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
      if (char === '{' || char === '[') depth++;
      if (char === '}' || char === ']') depth--;
    }
  }
  return keys;
}

/** An Edm primitive named plainly in a type cell ("String", "Edm.Int32", "boolean"), or undefined. */
export function plainPrimitive(typeCell: string): string | undefined {
  const text = typeCell.replace(/[*`]/g, '').trim();
  const match = /^(?:Edm\.)?(String|Boolean|Int16|Int32|Int64|Byte|Single|Double|Decimal|Guid|Binary|Stream|Date|DateTimeOffset|TimeOfDay|Duration)$/i.exec(text);
  if (!match?.[1]) return undefined;
  const lower = match[1].toLowerCase();
  return ['String', 'Boolean', 'Int16', 'Int32', 'Int64', 'Byte', 'Single', 'Double', 'Decimal', 'Guid', 'Binary', 'Stream', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration'].find((p) => p.toLowerCase() === lower);
}
