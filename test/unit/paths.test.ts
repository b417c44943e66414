/**
 * Output paths: every path unique without regard to case, and namespace or
 * type names that look like the fixed files (`index.ts`, `validators.ts`,
 * `runtime/validation.ts`) or like another namespace's files
 * (`<ns>.validators.ts`, `<ns>.schema.json`) never take their place.
 */
import { describe, expect, it } from 'vitest';
import { EmittedFileMap, moduleSpecifier, outputPaths } from '../../generator/emit/paths.js';
import { generate } from '../../generator/pipeline.js';
import { resourcePage } from '../helpers/pages.js';
import { typeCheck } from '../helpers/typecheck.js';
import { compile } from '../validators/harness.js';

const lowerUnique = (paths: readonly string[]) => new Set(paths.map((p) => p.toLowerCase())).size === paths.length;

describe('outputPaths', () => {
  const namespaces = ['microsoft.graph', 'microsoft.graph.validators', 'index', 'Index', 'validators', 'runtime', 'a/b', 'a_b', 'x.schema', 'y.ts', '..hidden'];
  const typeNames = new Map([['runtime', ['Validation', 'Index', 'index_', 'FooBar', 'Foobar']]]);

  it('gives every namespace a stem of its own that no fixed file or other namespace\'s file uses', () => {
    for (const layout of ['namespace', 'type'] as const) {
      const paths = outputPaths(namespaces, typeNames, layout);
      const stems = namespaces.map(paths.stem);
      expect(lowerUnique(stems)).toBe(true);
      const files = new EmittedFileMap();
      for (const path of ['index.ts', 'validators.ts', 'runtime/validation.ts']) files.set(path, '');
      for (const namespace of namespaces) {
        files.set(paths.typeModule(namespace), '');
        files.set(paths.validatorModule(namespace), '');
        files.set(paths.schema(namespace), '');
      }
      if (layout === 'type') for (const name of typeNames.get('runtime') ?? []) files.set(`${paths.stem('runtime')}/${paths.typeFileStem('runtime', name)}.ts`, '');
      expect(files.sorted().size).toBe(3 + namespaces.length * 3 + (layout === 'type' ? 5 : 0));
    }
  });

  it('keeps ordinary names as they are', () => {
    const paths = outputPaths(['microsoft.graph', 'microsoft.graph.callRecords'], new Map([['microsoft.graph', ['User']]]), 'namespace');
    expect([paths.typeModule('microsoft.graph'), paths.validatorModule('microsoft.graph.callRecords'), paths.schema('microsoft.graph')]).toEqual([
      'microsoft.graph.ts',
      'microsoft.graph.callRecords.validators.ts',
      'microsoft.graph.schema.json',
    ]);
    const perType = outputPaths(['microsoft.graph'], new Map([['microsoft.graph', ['User']]]), 'type');
    expect([perType.typeModule('microsoft.graph'), perType.validatorModule('microsoft.graph'), perType.typeFileStem('microsoft.graph', 'User')]).toEqual(['microsoft.graph/index.ts', 'microsoft.graph/index.validators.ts', 'User']);
  });

  it('renames the ones that would collide', () => {
    const paths = outputPaths(namespaces, typeNames, 'namespace');
    expect(Object.fromEntries(['index', 'Index', 'validators', 'runtime', 'microsoft.graph.validators', 'a/b', 'a_b', 'x.schema'].map((n) => [n, paths.stem(n)]))).toEqual({
      Index: 'Index_',
      index: 'index__',
      validators: 'validators_',
      runtime: 'runtime_',
      'microsoft.graph.validators': 'microsoft.graph.validators_',
      'a/b': 'a_b',
      a_b: 'a_b_',
      'x.schema': 'x.schema_',
    });
    expect(['Index', 'index_', 'FooBar', 'Foobar'].map((n) => paths.typeFileStem('runtime', n))).toEqual(['Index_', 'index__', 'FooBar', 'Foobar_']);
  });
});

describe('EmittedFileMap', () => {
  it('refuses a path equal to another without regard to case, and a file where a folder is', () => {
    const files = new EmittedFileMap();
    files.set('a/b.ts', '');
    expect(() => files.set('A/c.ts', '')).toThrow(/clashes/);
    expect(() => files.set('a/B.ts', '')).toThrow(/clashes/);
    expect(() => files.set('a', '')).toThrow(/clashes/);
    expect(() => files.set('a/b.ts/c.ts', '')).toThrow(/folder/);
    files.set('b.ts', 'x');
    expect([...files.sorted().keys()]).toEqual(['a/b.ts', 'b.ts']);
  });
});

describe('moduleSpecifier', () => {
  it.each([
    ['index.ts', 'microsoft.graph.ts', './microsoft.graph.js'],
    ['validators.ts', 'ns/index.validators.ts', './ns/index.validators.js'],
    ['ns/index.validators.ts', 'runtime/validation.ts', '../runtime/validation.js'],
    ['ns/index.validators.ts', 'ns/index.ts', './index.js'],
  ])('%s → %s: %s', (from, to, want) => expect(moduleSpecifier(from, to)).toBe(want));
});

const page = (namespace: string, name: string) => resourcePage(namespace, name, ['|id|String|The id.|'], '{ "id": "String" }');

describe('namespaces named like the fixed files, end to end', () => {
  const pages = [
    { path: 'a.md', text: page('runtime', 'validation') },
    { path: 'b.md', text: page('runtime', 'index') },
    { path: 'c.md', text: page('index', 'thing') },
    { path: 'd.md', text: page('validators', 'thing') },
    { path: 'e.md', text: page('microsoft.graph', 'thing') },
    { path: 'f.md', text: page('microsoft.graph.validators', 'thing') },
  ];

  it.each(['namespace', 'type'] as const)('layout %s: distinct files that type-check, validators that load', async (layout) => {
    const result = generate(pages, { layout, jsonSchema: true });
    const paths = [...result.files.keys()];
    expect(lowerUnique(paths)).toBe(true);
    for (const fixed of ['index.ts', 'validators.ts', 'runtime/validation.ts']) expect(result.files.get(fixed)).toMatch(/^\/\/ (Generated|Copied) by graphdoc-codegen/);
    expect(typeCheck(result.files)).toEqual([]);
    const compiled = await compile(pages, { layout });
    try {
      expect(compiled.validate('Validation')({ id: 5 }).map((i) => i.path)).toEqual(['/id']);
      expect(compiled.is('Index')({ id: 'x' })).toBe(true);
    } finally {
      compiled.dispose();
    }
  });
});
