/**
 * First contact at the scale of a doc set: a real corpus with 40% of its
 * pages damaged (damage.ts: cut short, lines lost or doubled, stray
 * characters, wrong links, renamed types, cycles of base types, namespaces in
 * another case or invalid, Windows line endings). The run must still report
 * no error, point every diagnostic inside its page, generate the same files
 * whatever the page order, and the output must type-check under every strict
 * flag. The smallest corpus found keeps it quick (see DAMAGE_* below for
 * others).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../generator/diagnostics.js';
import { generate, type Page } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';
import { discoverCorpora, noCorporaMessage, readPages } from './corpus.js';
import { damagePages } from './damage.js';
import { shuffled } from './corpus-run.js';

// Other corpora, seeds and rates by hand: DAMAGE_CORPUS=graph-docs-2020-05-beta DAMAGE_SEED=1 DAMAGE_RATE=0.7 npx vitest run test/corpus/damaged.test.ts
const chosen = process.env['DAMAGE_CORPUS'];
const seed = Number(process.env['DAMAGE_SEED'] ?? 20261130);
const rate = Number(process.env['DAMAGE_RATE'] ?? 0.4);
const corpus = discoverCorpora()
  .filter((found) => chosen === undefined || found.name === chosen)
  .map((found) => ({ name: found.name, pages: readPages(found.resources) }))
  .sort((a, b) => a.pages.length - b.pages.length)[0];

const digest = (files: ReadonlyMap<string, string>) => createHash('sha256').update(JSON.stringify([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).digest('hex');

if (corpus === undefined) describe.skip(noCorporaMessage, () => it('needs ../shared/corpus', () => undefined));
else {
  describe(`a damaged copy of ${corpus.name} (seed ${seed}, rate ${rate})`, () => {
    const { pages, done } = damagePages(corpus.pages, seed, rate);
    const options = { validators: true } as const;
    const result = generate(pages, options);
    const texts = new Map(pages.map((page: Page) => [page.path, page.text]));

    it('does every kind of damage, to many pages', () => {
      console.log(`${corpus.name} damaged: ${Object.entries(done).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
      expect(Object.values(done).every((count) => count >= 10)).toBe(true);
      expect(pages.filter((page, i) => page.text !== corpus.pages[i]?.text).length).toBeGreaterThan(corpus.pages.length / 4);
    });

    it('reports no error, and points every diagnostic inside its page', () => {
      expect(countBySeverity(result.diagnostics).error).toBe(0);
      expect(result.model.declarations.length).toBeGreaterThan(corpus.pages.length / 2);
      const outside = result.diagnostics.filter((d) => {
        // Lines as CommonMark counts them: a line ends at LF, CR or CRLF (so "\r\r\n" ends two).
        const lines = texts.get(d.file)?.split(/\r\n|\r|\n/);
        return lines === undefined || d.line < 1 || d.line > lines.length || d.column < 1 || d.column > (lines[d.line - 1]?.length ?? 0) + 1;
      });
      expect(outside.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([]);
    });

    it('generates the same files whatever the order of the pages', () => {
      expect(digest(generate(shuffled(pages, 7), options).files)).toBe(digest(result.files));
    });

    it('type-checks under every strict flag', () => {
      const typescript = new Map([...result.files].filter(([path]) => path.endsWith('.ts')));
      expect(typeCheck(typescript).slice(0, 20)).toEqual([]);
    }, 300_000);
  });
}
