/**
 * End-to-end: the real CLI (bin/graphdoc.js over dist/, built by `npm test`)
 * on temporary directories.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'graphdoc.js');
const built = existsSync(join(root, 'dist', 'cli.js'));

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

describe.skipIf(!built)('graphdoc generate (CLI)', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'graphdoc-cli-'));
    cpSync(join(root, 'specs'), join(work, 'specs'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes the same files as the committed generated/ for specs/', () => {
    const result = run(work, 'generate');
    expect(result.code).toBe(0);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));
  });

  it('--check exits 0 when up to date, 1 when stale (naming the file), and writes nothing', () => {
    expect(run(work, 'generate').code).toBe(0);
    expect(run(work, 'generate', '--check').code).toBe(0);
    writeFileSync(join(work, 'generated', 'index.ts'), '// edited\n');
    writeFileSync(join(work, 'generated', 'stray.ts'), '// not generated\n');
    const stale = run(work, 'generate', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(['  changed  index.ts', '  removed  stray.ts']);
    expect(readFileSync(join(work, 'generated', 'index.ts'), 'utf8')).toBe('// edited\n');
  });

  it('exits 2 on usage errors', () => {
    expect(run(work, 'generate', '--no-such-option').code).toBe(2);
    expect(run(work, 'generate', '--specs', join(work, 'missing')).code).toBe(2);
    expect(run(work, 'frobnicate').code).toBe(2);
  });

  it('prints each diagnostic as file:line:column, keeps going past a bad page, and --strict fails on warnings', () => {
    writeFileSync(
      join(work, 'specs', 'broken.md'),
      ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Strng|How big.|', ''].join('\n'),
    );
    const lenient = run(work, 'generate');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('specs/broken.md:7:7  warning  Unknown type "Strng"; typed as unknown  unknown-type\n');
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('export interface Widget {');
    const before = snapshot(join(work, 'generated'));
    expect(run(work, 'generate', '--strict').code).toBe(1);
    expect(snapshot(join(work, 'generated'))).toEqual(before);
  });

  it('leaves the previous output byte-identical when a run fails, and removes files no longer produced', () => {
    expect(run(work, 'generate').code).toBe(0);
    writeFileSync(join(work, 'generated', 'old.ts'), '// from an earlier run\n');
    const before = snapshot(join(work, 'generated'));
    // An enum and an object of one name: an error, so nothing is written.
    writeFileSync(
      join(work, 'specs', 'clash.md'),
      ['# synchronizationError values', '', '### synchronizationError values', '', '|Member|', '|:--|', '|one|', ''].join('\n'),
    );
    expect(run(work, 'generate').code).toBe(1);
    expect(snapshot(join(work, 'generated'))).toEqual(before);
    rmSync(join(work, 'specs', 'clash.md'));
    expect(run(work, 'generate').code).toBe(0);
    expect(existsSync(join(work, 'generated', 'old.ts'))).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['generated', 'specs']);
  });
});
