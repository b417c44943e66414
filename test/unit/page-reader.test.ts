/** Reading pages in a worker thread (generator/page-reader.ts) gives what reading them here gives. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readPagesInWorker } from '../../generator/page-reader.js';
import { readPage, type Page } from '../../generator/pipeline.js';

const specs = fileURLToPath(new URL('../../specs/', import.meta.url));
const pages: Page[] = ['synchronizationerror.md', 'synchronizationtaskexecution.md'].map((path) => ({ path, text: readFileSync(specs + path, 'utf8') }));

it('reads pages in a worker thread exactly as readPage does here, in order', async () => {
  const odd: Page = { path: 'odd.md', text: '| a | b |\n|--|\n<!-- {"blockType": "resource", -->\n' };
  const given = [...pages, odd];
  expect(await readPagesInWorker(given)).toEqual(given.map((page) => readPage(page)));
}, 60_000);
