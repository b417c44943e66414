/** Reading pages on two threads (generator/page-reader.ts) gives what reading them here gives. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { batchesOf, readPagesOnTwoThreads } from '../../generator/page-reader.js';
import { readsOnTwoThreads } from '../../generator/diff/command.js';
import { readPage, type Page } from '../../generator/pipeline.js';

const specs = fileURLToPath(new URL('../../specs/', import.meta.url));
const pages: Page[] = ['synchronizationerror.md', 'synchronizationtaskexecution.md'].map((path) => ({ path, text: readFileSync(specs + path, 'utf8') }));

it('reads pages on two threads exactly as readPage does here, in order', async () => {
  const odd: Page = { path: 'odd.md', text: '| a | b |\n|--|\n<!-- {"blockType": "resource", -->\n' };
  // Batches of one page or two (the two versions of odd.md stay together), read by both threads (this one may take all
  // of them before the worker has started) and by the worker alone.
  const given = [...pages, odd, { ...odd, text: `${odd.text}\nmore\n` }, ...pages.map((page) => ({ ...page, path: `b-${page.path}` }))];
  const expected = given.map((page) => readPage(page));
  expect(await readPagesOnTwoThreads(given, { size: 1 })).toEqual(expected);
  expect(await readPagesOnTwoThreads(given, { size: 1, readHere: false })).toEqual(expected);
}, 60_000);

it('cuts batches after the size is reached, never between two pages with the same path', () => {
  const page = (path: string, size: number): Page => ({ path, text: 'x'.repeat(size) });
  const given = [page('a.md', 5), page('b.md', 3), page('b.md', 3), page('c.md', 1), page('d.md', 10), page('e.md', 2)];
  expect(batchesOf(given, 6).map((batch) => batch.map((p) => p.path))).toEqual([['a.md', 'b.md', 'b.md'], ['c.md', 'd.md'], ['e.md']]);
  expect(batchesOf([], 6)).toEqual([]);
});

it('graphdoc diff reads its cold pages on two threads only when they are many and there are two cores', () => {
  expect(readsOnTwoThreads(199, 2)).toBe(false);
  expect(readsOnTwoThreads(200, 2)).toBe(true);
  expect(readsOnTwoThreads(5000, 1)).toBe(false);
  expect(readsOnTwoThreads(5000, 8)).toBe(true);
});
