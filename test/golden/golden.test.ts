/**
 * Golden files: each folder under cases/ is a small doc set; its expected/
 * folder holds the reviewed output (types and validators; the runtime module,
 * the same for every case, is left out: runtime.test.ts pins it) and
 * diagnostics.txt. Run with UPDATE_GOLDEN=1 to rewrite them, then review the
 * diff before committing. Goldens are type-checked too, under every strict
 * flag (test/helpers/typecheck.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { fixedPaths } from '../../generator/emit/paths.js';
import { generate, type Page } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';

const casesDir = fileURLToPath(new URL('./cases', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';

function readTree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [p, t] of readTree(join(dir, entry.name), path)) files.set(p, t);
    else files.set(path, readFileSync(join(dir, entry.name), 'utf8'));
  }
  return files;
}

describe.each(readdirSync(casesDir).sort())('golden case %s', (name) => {
  const dir = join(casesDir, name);
  const pages: Page[] = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));
  const result = generate(pages, { validators: true, jsonSchema: false });
  const actual = new Map([...result.files].filter(([path]) => path !== fixedPaths.runtime));
  actual.set('diagnostics.txt', result.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
  const expectedDir = join(dir, 'expected');
  if (update) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [path, text] of actual) {
      mkdirSync(dirname(join(expectedDir, path)), { recursive: true });
      writeFileSync(join(expectedDir, path), text);
    }
  }

  it('matches the reviewed output byte for byte', () => {
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(readTree(expectedDir)));
  });

  it('type-checks under --strict', () => {
    expect(typeCheck(result.files)).toEqual([]);
  });

  it('type-checks in the one-file-per-type layout, with no unused imports', () => {
    const perType = generate(pages, { layout: 'type' });
    expect(typeCheck(perType.files)).toEqual([]);
  });

  it('type-checks with TypeScript enums', () => {
    expect(typeCheck(generate(pages, { enumStyle: 'enum' }).files, {}, 'enum')).toEqual([]);
  });
});
