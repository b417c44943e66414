/**
 * What the package ships (`npm pack --dry-run`): the command, the compiled
 * generator, the README and the LICENSE its package.json names; no source
 * maps pointing at TypeScript sources that are not shipped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { built, notBuiltMessage, root } from '../build-step/helpers.js';

if (!built) console.warn(notBuiltMessage);

describe.skipIf(!built)('the package', () => {
  it('ships bin/, dist/, README.md, LICENSE (MIT, as package.json says) and package.json, and no source maps', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/graphdoc.js', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((path) => !/^(bin|dist)\//.test(path) && !['LICENSE', 'README.md', 'package.json'].includes(path))).toEqual([]);
    expect(files.filter((path) => path.endsWith('.map'))).toEqual([]);
    const mapped = files.filter((path) => path.endsWith('.js') && readFileSync(join(root, path), 'utf8').includes('sourceMappingURL'));
    expect(mapped).toEqual([]);
    expect((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });
});
