/**
 * The incremental cache: hits and misses, and a corrupted, truncated, foreign
 * or stale cache file detected and rebuilt, never trusted. In-process over
 * the seed pages in specs/, plus one end-to-end run of the CLI.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePageCache } from '../../generator/cache.js';
import { generate, readPage, type Page } from '../../generator/pipeline.js';
import { root, runMain as run, snapshot, specsCopy, tempDir } from './helpers.js';

const seedPages = (): Page[] =>
  readdirSync(join(root, 'specs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(root, 'specs', path), 'utf8') }));

describe('FilePageCache', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir('cache');
    file = join(dir, 'pages.cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs generate with a cache loaded from the file, saves it, and returns the output and the cache's counts. */
  function cachedRun(pages: readonly Page[], salt = 'test') {
    const cache = new FilePageCache(file, salt);
    const result = generate(pages, {}, { cache });
    expect(cache.save()).toBeUndefined();
    return { files: result.files, diagnostics: result.diagnostics, stats: cache.stats() };
  }

  it('a warm run parses nothing and returns exactly what a cold run returns', () => {
    const pages = seedPages();
    const cold = generate(pages);
    const first = cachedRun(pages);
    expect(first.stats).toEqual({ loaded: 0, hits: 0, misses: pages.length });
    const second = cachedRun(pages);
    expect(second.stats).toEqual({ loaded: pages.length, hits: pages.length, misses: 0 });
    expect(second.files).toEqual(cold.files);
    expect(second.diagnostics).toEqual(cold.diagnostics);
  });

  it('a one-page edit parses that page only, and a renamed page is parsed again (paths are in diagnostics)', () => {
    const pages = seedPages();
    cachedRun(pages);
    const edited = pages.map((p, i) => (i === 0 ? { ...p, text: `${p.text}\n` } : p));
    expect(cachedRun(edited).stats).toMatchObject({ hits: pages.length - 1, misses: 1 });
    const renamed = edited.map((p, i) => (i === 1 ? { ...p, path: `renamed-${p.path}` } : p));
    const after = cachedRun(renamed);
    expect(after.stats).toMatchObject({ hits: pages.length - 1, misses: 1 });
    expect(after.files).toEqual(generate(renamed).files);
  });

  it('prunes entries no run uses any more', () => {
    const pages = seedPages();
    cachedRun(pages);
    cachedRun(pages.slice(1));
    expect(cachedRun(pages.slice(1)).stats.loaded).toBe(pages.length - 1);
  });

  it('returns a fresh copy on every get: callers cannot poison it', () => {
    const [page] = seedPages();
    if (!page) throw new Error('no seed page');
    const cache = new FilePageCache(undefined, 'test');
    cache.set(page, readPage(page));
    const first = cache.get(page);
    (first?.diagnostics as unknown[]).push('poison');
    expect(cache.get(page)).toEqual(readPage(page));
  });

  const corruptions: [string, (text: string) => string, string][] = [
    ['a flipped byte in an entry', (t) => t.replace(/"facts"/, '"fxcts"'), 'checksum mismatch (corrupted)'],
    ['a truncated file', (t) => t.slice(0, Math.floor(t.length / 2)), 'checksum mismatch (corrupted)'],
    ['an empty file', () => '', 'unreadable header'],
    ['garbage', () => '\u0000\u0001binary', 'unreadable header'],
    ['another cache format', (t) => t.replace('"version":1', '"version":999'), 'other cache format'],
  ];
  for (const [label, corrupt, reason] of corruptions) {
    it(`detects ${label}, rebuilds from the pages, and rewrites a valid file`, () => {
      const pages = seedPages();
      cachedRun(pages);
      writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
      const rebuilt = cachedRun(pages);
      expect(rebuilt.stats).toEqual({ loaded: 0, hits: 0, misses: pages.length, rejected: reason });
      expect(rebuilt.files).toEqual(generate(pages).files);
      expect(cachedRun(pages).stats).toEqual({ loaded: pages.length, hits: pages.length, misses: 0 });
    });
  }

  it('rejects a checksum-valid entry that is not a page result', () => {
    const pages = seedPages();
    const cache = new FilePageCache(file, 'test');
    for (const page of pages) cache.set(page, { facts: null, diagnostics: 'nope' } as never);
    cache.save();
    const again = cachedRun(pages);
    expect(again.stats).toMatchObject({ hits: 0, misses: pages.length, rejected: 'an entry was not a page result' });
    expect(again.files).toEqual(generate(pages).files);
  });

  it('writes and checks an entry of megabytes piece by piece: characters outside the BMP survive wherever the pieces meet', () => {
    // Entries are encoded 2^18 code units at a time. An emoji is two code units: shifted by 0, 1 and 2 units, a run of
    // emoji and accented letters puts a piece boundary between the two halves of an emoji in at least one entry.
    const entries = ['', 'a', 'ab'].map((lead, index) => ({
      page: { path: `big-${index}.md`, text: '# big' },
      read: { facts: { file: 'big.md', description: `${lead}${'\u{1F600}é'.repeat(200_000)}` }, diagnostics: [] } as never,
    }));
    const cache = new FilePageCache(file, 'test');
    for (const { page, read } of entries) cache.set(page, read);
    expect(cache.save()).toBeUndefined();
    const loaded = new FilePageCache(file, 'test');
    expect(loaded.stats()).toEqual({ loaded: 3, hits: 0, misses: 0 });
    for (const { page, read } of entries) expect(loaded.get(page)).toEqual(read);
  });

  it('a cache written by another generator version is not used', () => {
    const pages = seedPages();
    cachedRun(pages, 'generator A');
    expect(cachedRun(pages, 'generator B').stats).toEqual({ loaded: 0, hits: 0, misses: pages.length, rejected: 'written by another generator version' });
  });

  it('reports, and survives, a cache directory that cannot be written', () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the directory should be\n');
    const cache = new FilePageCache(join(dir, 'blocker', 'pages.cache'), 'test');
    const result = generate(seedPages(), {}, { cache });
    expect(result.files).toEqual(generate(seedPages()).files);
    expect(cache.save()).toMatch(/^cache not saved: /);
  });
});

describe('the cache, end to end (in-process)', () => {
  it('a corrupted cache file makes the CLI parse every page again, with the same output', async () => {
    const work = specsCopy('cache-cli');
    try {
      expect((await run(work, ['generate'])).code).toBe(0);
      const [cacheFile] = readdirSync(join(work, '.graphdoc-cache'));
      const path = join(work, '.graphdoc-cache', cacheFile ?? '');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"facts"', '"fxcts"'));
      rmSync(join(work, 'generated'), { recursive: true });
      const result = await run(work, ['generate', '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).summary).toMatchObject({ pages: 2, parsed: 2 });
      expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
      expect(JSON.parse((await run(work, ['generate', '--format', 'json'])).stdout).summary).toMatchObject({ pages: 2, parsed: 0 });
      expect(JSON.parse((await run(work, ['generate', '--format', 'json', '--no-cache'])).stdout).summary).toMatchObject({ pages: 2, parsed: 2 });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a warm run reuses the output it generated, only when it is exactly that (in-process)', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('cache-reuse');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const manifestPath = () => join(work, 'generated', '.graphdoc-manifest.json');

  it('emits again when a generated file and its manifest entry were both changed (another manifest)', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    // A file changed with its hash updated in the manifest: the directory no longer holds what this run generated.
    const path = join(work, 'generated', 'microsoft.graph.ts');
    const changed = `${readFileSync(path, 'utf8')}// changed\n`;
    writeFileSync(path, changed);
    const manifest = JSON.parse(readFileSync(manifestPath(), 'utf8')) as { files: Record<string, string> };
    manifest.files['microsoft.graph.ts'] = createHash('sha256').update(changed).digest('hex');
    writeFileSync(manifestPath(), `${JSON.stringify(manifest, null, 2)}\n`);
    const check = await run(work, ['generate', '--check']);
    expect(check.code).toBe(1);
    expect(`${check.stdout}${check.stderr}`).toContain('microsoft.graph.ts');
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });

  it('emits again for other options, and for a missing file', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    expect((await run(work, ['generate', '--no-validators'])).code).toBe(0);
    expect(Object.keys(snapshot(join(work, 'generated'))).filter((path) => path.includes('validators'))).toEqual([]);
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    rmSync(join(work, 'generated', 'index.ts'));
    const check = await run(work, ['generate', '--check']);
    expect(check.code).toBe(1);
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });
});
