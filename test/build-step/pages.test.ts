/**
 * Every page is read or rejected out loud, end to end (in-process): a page
 * that is not UTF-8, a binary file named .md, invalid UTF-16 and an empty page
 * are warnings (shown without --verbose) naming the file and, for bad UTF-8,
 * the line, column and byte offset; the page is skipped and the rest is
 * written. Symbolic links: a directory link back into the tree is not
 * followed, a link loop or a broken link is reported, a link to a file in the
 * tree does not read it twice, a link leading out of the tree is followed.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runMain as run, snapshot, specsCopy, tempDir } from './helpers.js';

const widgetPage = (title: string, description: string) => `# ${title} resource type\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|size|Int32|${description}|\n`;

describe('graphdoc generate: pages that are not UTF-8 text', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('pages');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('warns about each, with where the problem is, skips it, and writes the rest', async () => {
    // Latin-1: "café" and "naïve" as single bytes, invalid in UTF-8.
    writeFileSync(join(work, 'specs', 'latin1.md'), Buffer.from(widgetPage('gadget', 'Café naïve.'), 'latin1'));
    writeFileSync(join(work, 'specs', 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    // A lone surrogate after a UTF-16 byte-order mark.
    writeFileSync(join(work, 'specs', 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# gizmo', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
    writeFileSync(join(work, 'specs', 'empty.md'), '');
    writeFileSync(join(work, 'specs', 'blank.md'), ' \n\t\r\n');
    const result = await run(work, ['generate']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      'specs/blank.md:1:1  warning  Page is empty; skipped  empty-page',
      'specs/empty.md:1:1  warning  Page is empty; skipped  empty-page',
      'specs/image.md:1:1  warning  Page is not text (a NUL byte at byte offset 8); skipped  binary-page',
      'specs/latin1.md:7:16  warning  Page is not valid UTF-8 (byte 0xE9 at byte offset 96); skipped: save it as UTF-8  invalid-utf8',
      'specs/utf16.md:1:1  warning  Page is not text (invalid UTF-16 (little-endian, by its byte-order mark)); skipped  binary-page',
      '',
    ]);
    expect(result.stdout).toMatch(/^graphdoc: wrote generated \(2 pages \(2 parsed\), 3 declarations, 6 files; 0 errors, 5 warnings, 1 note, 15 placeholder descriptions left out;/);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
    expect((await run(work, ['generate', '--strict'])).code).toBe(1);
  });

  it('reads UTF-16 pages with a byte-order mark (as Windows editors save "Unicode" text), both byte orders', async () => {
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    writeFileSync(join(work, 'specs', 'widget.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(widgetPage('widget', 'Café — 日本.').replace(/\n/g, '\r\n'), 'utf16le')]));
    writeFileSync(join(work, 'specs', 'gadget.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(widgetPage('gadget', 'Big-endian.'))]));
    const result = await run(work, ['generate']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const types = readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8');
    expect(types).toContain('Café — 日本.');
    expect(types).toContain('Big-endian.');
    expect(types).toContain('Source: widget.md:7');
  });

  it('reads a page with a UTF-8 byte-order mark, and multi-byte characters, as before', async () => {
    writeFileSync(join(work, 'specs', 'widget.md'), `\uFEFF${widgetPage('widget', 'Café naïve — 日本.')}`);
    const result = await run(work, ['generate']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('Café naïve — 日本.');
  });
});

describe('graphdoc generate: symbolic links under the specs directory', () => {
  let work: string;
  let outside: string;
  const specs = (...parts: string[]) => join(work, 'specs', ...parts);
  beforeEach(() => {
    work = tempDir('links');
    outside = tempDir('links-outside');
    cpSync(join(root, 'specs'), specs(), { recursive: true });
    writeFileSync(join(outside, 'widget.md'), widgetPage('widget', 'From a shared folder.'));
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('does not follow a directory link back into the tree or above it, reports loops and broken links, follows a link out of the tree once', async () => {
    mkdirSync(specs('sub'));
    symlinkSync('..', specs('sub', 'up'));
    symlinkSync(work, specs('project'));
    symlinkSync('loop-b.md', specs('loop-a.md'));
    symlinkSync('loop-a.md', specs('loop-b.md'));
    symlinkSync('nowhere.md', specs('gone.md'));
    symlinkSync('synchronizationerror.md', specs('alias.md'));
    symlinkSync(outside, specs('shared'));
    symlinkSync(outside, specs('shared-again'));
    const result = await run(work, ['generate', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { pages: number }; diagnostics: { file: string; code: string; message: string }[] };
    expect(report.summary.pages).toBe(3);
    expect(report.diagnostics.filter((d) => d.code !== 'placeholder-description').map((d) => `${d.file}  ${d.code}  ${d.message}`)).toEqual([
      'specs/alias.md  skipped-link  Symbolic link not followed: it points to synchronizationerror.md, which is read under its own path',
      'specs/gone.md  skipped-link  Symbolic link not followed: its target does not exist',
      'specs/loop-a.md  skipped-link  Symbolic link not followed: it is a loop of links',
      'specs/loop-b.md  skipped-link  Symbolic link not followed: it is a loop of links',
      `specs/project  skipped-link  Symbolic link not followed: it leads back into the specs directory (${work})`,
      `specs/shared-again  skipped-link  Symbolic link not followed: ${outside} is already read through another link`,
      'specs/sub/up  skipped-link  Symbolic link not followed: it leads back into the specs directory (.)',
    ]);
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('From a shared folder.');
  });
});
