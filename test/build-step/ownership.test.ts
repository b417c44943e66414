/**
 * Own only what graphdoc wrote, end to end (in-process): an output directory
 * is replaced only when everything in it is listed in its manifest with the
 * same hash, or is what the run writes; a folder with anything else (a typo
 * such as `--out src`, a hand-written file dropped into the output, a
 * hand-edited generated file) is refused with exit 2, naming the file, and is
 * left byte-identical; `--force` replaces it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runMain as run, snapshot, specsCopy } from './helpers.js';

describe('graphdoc generate: owning only what it wrote', () => {
  let work: string;
  const out = () => join(work, 'generated');
  beforeEach(() => {
    work = specsCopy('own');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('--out pointing at a source folder (a typo for src/generated) is refused, naming the first foreign file; nothing is deleted', async () => {
    mkdirSync(join(work, 'src', 'generated'), { recursive: true });
    writeFileSync(join(work, 'src', 'main.ts'), 'export const main = 1;\n');
    writeFileSync(join(work, 'src', 'other.txt'), 'notes\n');
    const before = snapshot(join(work, 'src'));
    const result = await run(work, ['generate', '--out', 'src']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'graphdoc: refusing to replace src: src/main.ts was not written by graphdoc (and 1 more). Move it out of src (or choose another --out), or pass --force to replace the directory anyway.\n',
    );
    expect(snapshot(join(work, 'src'))).toEqual(before);
    // The intended directory works, empty or new.
    expect((await run(work, ['generate', '--out', 'src/generated'])).code).toBe(0);
    expect((await run(work, ['generate', '--out', 'src/types'])).code).toBe(0);
    expect(snapshot(join(work, 'src', 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });

  it('a hand-written file dropped into the output is refused on the next run, and kept', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    writeFileSync(join(out(), 'custom.ts'), 'export const mine = true;\n');
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const before = snapshot(out());
    const result = await run(work, ['generate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('graphdoc: refusing to replace generated: generated/custom.ts was not written by graphdoc. Move it out of generated (or choose another --out), or pass --force to replace the directory anyway.\n');
    expect(snapshot(out())).toEqual(before);
  });

  it('a hand-edited generated file is detected by its hash and refused; --force overwrites it', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    const index = join(out(), 'index.ts');
    writeFileSync(index, `${readFileSync(index, 'utf8')}export const added = 1;\n`);
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const before = snapshot(out());
    const refused = await run(work, ['generate']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('graphdoc: refusing to replace generated: generated/index.ts was edited since graphdoc wrote it. Keep your changes elsewhere, or pass --force to overwrite them.\n');
    expect(snapshot(out())).toEqual(before);
    // --check reports it like any difference, and writes nothing.
    expect((await run(work, ['generate', '--check'])).stderr).toContain('  changed  index.ts');
    const forced = await run(work, ['generate', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out(), 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
    expect((await run(work, ['generate', '--check', '--no-cache'])).code).toBe(0);
  });

  it('--force replaces a folder of foreign files too', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'old-by-hand.ts'), '// mine\n');
    expect((await run(work, ['generate'])).code).toBe(2);
    expect((await run(work, ['generate', '--force'])).code).toBe(0);
    expect(snapshot(out())).toEqual(snapshot(join(root, 'generated')));
  });

  it('a symbolic link inside the output is foreign (graphdoc never writes one)', async () => {
    expect((await run(work, ['generate'])).code).toBe(0);
    symlinkSync(join(work, 'specs'), join(out(), 'docs'));
    writeFileSync(join(work, 'specs', 'widget.md'), widgetPage);
    const result = await run(work, ['generate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('generated/docs was not written by graphdoc');
  });

  it('an output written before manifests existed is replaced when every file is what this run writes, and gets its manifest', async () => {
    cpSync(join(root, 'generated'), out(), { recursive: true });
    rmSync(join(out(), '.graphdoc-manifest.json'));
    const result = await run(work, ['generate']);
    expect(result.code).toBe(0);
    expect(snapshot(out())).toEqual(snapshot(join(root, 'generated')));
  });

  it('switching layouts removes the files of the other layout: the manifest lists them', async () => {
    expect((await run(work, ['generate', '--layout', 'type'])).code).toBe(0);
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(snapshot(out())).toEqual(snapshot(join(root, 'generated')));
  });
});

const widgetPage = ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Int32|How big.|', ''].join('\n');
