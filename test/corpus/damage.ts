/**
 * Damage done to real pages, for first-contact runs: the edits people make
 * by mistake (a deleted or doubled line, a page cut short mid-save, a stray
 * character, a table row that lost a pipe) and the inconsistencies of a doc
 * set never seen (a link to the wrong page, a type renamed in its annotation,
 * a base type that makes a cycle, a namespace in another case or invalid,
 * Windows line endings, a byte-order mark). Seeded, so that a failure
 * reproduces: `damagePages(pages, seed, rate)`.
 */
import type { Page } from '../../generator/pipeline.js';

/** xorshift32: a small deterministic sequence in [0, 1). */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Text that has broken generated code before: comment ends, template and markdown syntax, separators, surrogates. */
const strayText = ['`', '*/', '/*', '${x}', '|', '\\|', '<br>', '<!--', '-->', '```', '\u2028', '\uFEFF', '__proto__', 'constructor', '[x](x.md)', '**', '"', "'", '\t', '😀', '\uD800', '<', '&', '@odata.type', ' collection', 'Collection(', ')', '#'];

type Damage = (lines: string[]) => string[];

function damages(random: () => number, names: readonly string[]): Readonly<Record<string, Damage>> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const index = (length: number) => Math.floor(random() * Math.max(1, length));
  return {
    'delete a line': (lines) => lines.toSpliced(index(lines.length), 1),
    'double a line': (lines) => {
      const i = index(lines.length);
      return lines.toSpliced(i, 0, lines[i] ?? '');
    },
    'swap two lines': (lines) => {
      const i = index(lines.length - 1);
      return lines.toSpliced(i, 2, lines[i + 1] ?? '', lines[i] ?? '');
    },
    'cut the page short': (lines) => lines.join('\n').slice(0, index(lines.join('\n').length)).split('\n'),
    'insert stray text': (lines) => {
      const i = index(lines.length);
      const line = lines[i] ?? '';
      const at = index(line.length + 1);
      return lines.toSpliced(i, 1, line.slice(0, at) + pick(strayText) + line.slice(at));
    },
    'link to another page': (lines) => lines.map((line) => (random() < 0.2 ? line.replace(/\]\([\w-]+\.md\)/, () => `](${pick(names)}.md)`) : line)),
    'rename the annotated type': (lines) => lines.map((line) => line.replace(/"@odata\.type":\s*"microsoft\.graph\.\w+"/, (written) => (random() < 0.5 ? `"@odata.type": "microsoft.graph.${pick(names)}"` : written))),
    'state another base type': (lines) => lines.map((line) => line.replace(/"@odata\.type":\s*"[\w.]+"/, (written) => `${written}, "baseType": "microsoft.graph.${pick(names)}"`)),
    'flip the case of a name': (lines) =>
      lines.map((line) => line.replace(/microsoft\.graph\.(\w)/g, (written, first: string) => (random() < 0.3 ? `microsoft.graph.${first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()}` : written))),
    'Windows line endings': (lines) => lines.map((line) => `${line}\r`),
    'drop a pipe': (lines) => lines.map((line) => (line.startsWith('|') && random() < 0.2 ? line.replace('|', '') : line)),
    'add a column': (lines) => lines.map((line) => (line.startsWith('|') && random() < 0.2 ? `${line}|extra|` : line)),
    'change the namespace': (lines) => lines.map((line) => (line.startsWith('Namespace:') ? `Namespace: ${pick(['microsoft.graph.x-y', 'Microsoft.Graph', `microsoft.graph.${pick(names)}`, 'microsoft.graph.default', ''])}` : line)),
    'make a property a collection': (lines) => lines.map((line) => (line.startsWith('|') && random() < 0.2 ? line.replace(/\|([^|]*)\|([^|]*)\|/, (_row, name: string, type: string) => `|${name}|${type} collection|`) : line)),
  };
}

/** The pages with about `rate` of them damaged (one to three kinds each), and how often each kind was done. */
export function damagePages(pages: readonly Page[], seed: number, rate: number): { pages: Page[]; done: Record<string, number> } {
  const random = randomFrom(seed);
  const all = damages(random, pages.map((page) => page.path.replace(/\.md$/, '').split('/').pop() ?? ''));
  const kinds = Object.keys(all).sort();
  const done: Record<string, number> = Object.fromEntries(kinds.map((kind) => [kind, 0]));
  const damaged = pages.map((page) => {
    if (random() >= rate) return page;
    let lines = page.text.split('\n');
    for (let times = 1 + Math.floor(random() * 3); times > 0; times--) {
      const kind = kinds[Math.floor(random() * kinds.length)] as string;
      done[kind] = (done[kind] ?? 0) + 1;
      lines = (all[kind] as Damage)(lines);
    }
    return { path: page.path, text: `${random() < 0.05 ? '\uFEFF' : ''}${lines.join('\n')}` };
  });
  return { pages: damaged, done };
}
