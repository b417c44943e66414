/**
 * Given/want fixtures for `graphdoc diff`, one folder per classification
 * rule and per doc-edit reason under cases/: the old and new pages (or, for
 * the two read-only rules, which no page can state today because the docs
 * never say "writable", the old and new model as plain data), and the
 * reviewed records the comparison must return, compared exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareModels, type ModelDiff } from '../../generator/diff/compare.js';
import { changeKinds, docEditReasons, ruleNames, rules } from '../../generator/diff/rules.js';
import type { Model } from '../../generator/model/ir.js';
import { buildModel } from '../../generator/pipeline.js';

const casesDir = fileURLToPath(new URL('./cases', import.meta.url));
const cases = readdirSync(casesDir).sort();

function modelOf(dir: string, side: 'old' | 'new'): Model {
  const modelFile = join(dir, `${side}.model.json`);
  if (existsSync(modelFile)) return JSON.parse(readFileSync(modelFile, 'utf8')) as Model;
  const pagesDir = join(dir, side);
  const pages = readdirSync(pagesDir)
    .sort()
    .map((path) => ({ path, text: readFileSync(join(pagesDir, path), 'utf8') }));
  return buildModel(pages).model;
}

function diffOf(name: string): ModelDiff {
  const dir = join(casesDir, name);
  return compareModels(modelOf(dir, 'old'), modelOf(dir, 'new'));
}

const want = (name: string): ModelDiff => JSON.parse(readFileSync(join(casesDir, name, 'want.json'), 'utf8')) as ModelDiff;

describe('graphdoc diff: given/want cases', () => {
  it.each(cases)('%s', (name) => {
    // Through JSON: records are plain data, and undefined fields must not appear.
    expect(JSON.parse(JSON.stringify(diffOf(name)))).toEqual(want(name));
  });

  it('has a case named after every rule and every doc-edit reason, in which that rule or reason is reported', () => {
    for (const rule of ruleNames) {
      expect(cases, `case for rule ${rule}`).toContain(rule);
      expect(want(rule).changes.map((c) => c.rule)).toContain(rule);
    }
    for (const reason of Object.keys(docEditReasons)) {
      expect(cases, `case for reason ${reason}`).toContain(reason);
      expect(want(reason).docEdits.map((e) => e.reason)).toContain(reason);
    }
  });

  it('reports every kind in some case, with the classification its rule gives', () => {
    const all = cases.flatMap((name) => want(name).changes);
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(changeKinds));
    for (const change of all) expect({ kind: change.kind, read: change.read, write: change.write }).toEqual({ kind: rules[change.rule].kind, read: rules[change.rule].read, write: rules[change.rule].write });
  });

  it('is empty for identical docs, and the same whichever order the pages come in', () => {
    const dir = join(casesDir, 'base-replaced');
    const model = modelOf(dir, 'new');
    expect(compareModels(model, model)).toEqual({ changes: [], docEdits: [], namespaces: { added: [], removed: [] } });
    const reversed: Model = { ...model, declarations: [...model.declarations].reverse() };
    expect(compareModels(modelOf(dir, 'old'), reversed)).toEqual(diffOf('base-replaced'));
  });
});
