/**
 * The regression suite that matters: the whole Graph v1.0 reference in
 * ../shared. Skipped, with a message, when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TypeExpr } from '../../generator/model/ir.js';
import { generate, type GenerateResult, type Page } from '../../generator/pipeline.js';
import { corpusAvailable, corpusMissingMessage, olderResourcesDir, readPages, resourcesDir, scanPage } from './corpus.js';
import { measureFidelity, percent, type Fidelity } from './fidelity.js';
import { typeCheck } from '../helpers/typecheck.js';

if (!corpusAvailable) console.warn(corpusMissingMessage);

/** Deterministic shuffle (a fixed linear congruential sequence), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

function unknownNames(type: TypeExpr): string[] {
  if (type.kind === 'unknown') return [type.written];
  if (type.kind === 'collection') return unknownNames(type.element);
  return [];
}

describe.skipIf(!corpusAvailable)('Graph v1.0 corpus', () => {
  let pages: Page[];
  let result: GenerateResult;
  let fidelity: Fidelity;

  beforeAll(() => {
    pages = readPages(resourcesDir);
    result = generate(pages);
    fidelity = measureFidelity(pages, result.model);
    const objects = result.model.declarations.filter((d) => d.kind === 'object');
    const byCode = new Map<string, number>();
    for (const d of result.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
    console.log(
      [
        `pages ${pages.length}, declarations ${result.model.declarations.length} (${objects.length} interfaces, ${result.model.declarations.length - objects.length} enums),`,
        `properties ${objects.reduce((n, d) => n + d.properties.length, 0)}, diagnostics ${result.diagnostics.length}:`,
        ...[...byCode.entries()].sort().map(([code, count]) => `  ${code} ${count}`),
      ].join('\n'),
    );
  });

  it('declares every annotated type, every page with a properties table, every enum page and enum section', () => {
    expect(fidelity.typesPresent.misses).toEqual([]);
    expect(fidelity.propertyTablePagesDeclared.misses).toEqual([]);
    expect(fidelity.enumPagesPresent.misses).toEqual([]);
    expect(fidelity.enumSectionsPresent.misses).toEqual([]);
    expect(fidelity.typesPresent.checked).toBeGreaterThan(1000);
    expect(fidelity.enumSectionsPresent.checked).toBeGreaterThan(150);
  });

  it('keeps at least 99% of mentioned properties, with the documented type and base', () => {
    expect(percent(fidelity.propertiesPresent)).toBeGreaterThanOrEqual(99);
    expect(percent(fidelity.propertyTypesRight)).toBeGreaterThanOrEqual(99);
    expect(percent(fidelity.baseTypesRight)).toBeGreaterThanOrEqual(98);
  });

  it('leaves no type unresolved when a page of the corpus defines it', () => {
    // Names the corpus defines: bare (lower case) and, for annotated types, qualified.
    const defined = new Set<string>();
    for (const page of pages) {
      const scanned = scanPage(page);
      if (scanned.resourceType) {
        defined.add(scanned.resourceType.toLowerCase());
        defined.add(scanned.resourceType.split('.').pop()?.toLowerCase() ?? '');
      }
      for (const name of scanned.enumSections) defined.add(name.toLowerCase());
      const enumTitle = /^#\s+`?(\w+)`?\s+enum/im.exec(page.text)?.[1];
      if (scanned.isEnumPage && enumTitle) defined.add(enumTitle.toLowerCase());
    }
    const unresolved: string[] = [];
    for (const declaration of result.model.declarations) {
      if (declaration.kind !== 'object') continue;
      for (const property of declaration.properties) {
        for (const written of unknownNames(property.type)) {
          // The last word of what was written: a bare name is looked up as such, a qualified one as qualified.
          const name = (written.replace(/[*`[\]]/g, '').replace(/\s+collection$/i, '').trim().split(/\s+/).pop() ?? '').toLowerCase();
          if (defined.has(name)) unresolved.push(`${property.origin.file}:${property.origin.line} ${property.name}: ${written}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('emits TypeScript that type-checks under --strict with zero errors', () => {
    expect(result.files.size).toBeGreaterThan(2);
    expect(typeCheck(result.files).slice(0, 20)).toEqual([]);
  });

  it('is deterministic: a second run and a shuffled input give byte-identical files and diagnostics', () => {
    for (const input of [pages, shuffled(pages, 7), [...pages].reverse()]) {
      const again = generate(input);
      expect([...again.files.keys()]).toEqual([...result.files.keys()]);
      for (const [path, text] of result.files) expect(again.files.get(path) === text, path).toBe(true);
      expect(again.diagnostics).toEqual(result.diagnostics);
    }
  });
});

describe.skipIf(!existsSync(olderResourcesDir))('Graph v1.0 corpus of May 2020', () => {
  it('declares every page\'s types and type-checks under --strict', () => {
    const pages = readPages(olderResourcesDir);
    const result = generate(pages);
    const fidelity = measureFidelity(pages, result.model);
    expect(fidelity.typesPresent.misses).toEqual([]);
    expect(fidelity.enumPagesPresent.misses).toEqual([]);
    expect(fidelity.enumSectionsPresent.misses).toEqual([]);
    expect(percent(fidelity.propertiesPresent)).toBeGreaterThanOrEqual(99);
    expect(typeCheck(result.files)).toEqual([]);
  });
});
