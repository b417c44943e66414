/** A type with more properties than one check function holds (they are split into chunks): same behaviour. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, pathsAndCodes, type Compiled } from './harness.js';

const count = 250;
const page = [
  '# bigThing resource type',
  '',
  'Namespace: microsoft.graph',
  '',
  'A type with many properties.',
  '',
  '## Properties',
  '',
  '|Property|Type|Description|',
  '|:---|:---|:---|',
  ...Array.from({ length: count }, (_, i) => `|p${i}|${i % 2 === 0 ? 'Int32' : 'String'}|Property ${i}.|`),
  '',
  '## JSON representation',
  '',
  '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.bigThing" } -->',
  '```json',
  '{ "p0": 1 }',
  '```',
  '',
].join('\n');

let compiled: Compiled;
beforeAll(async () => {
  compiled = await compile([{ path: 'bigthing.md', text: page }]);
});
afterAll(() => compiled?.dispose());

describe('a type with 250 properties', () => {
  const valid = Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, i % 2 === 0 ? i : `v${i}`]));
  it('accepts every property set, and a sparse value', () => {
    expect(compiled.validate('BigThing')(valid)).toEqual([]);
    expect(compiled.is('BigThing')({ p249: 'x', '@odata.etag': 'e' })).toBe(true);
  });
  it.each([
    ['first chunk', { p3: 3 }, [{ path: '/p3', code: 'type' }]],
    ['last chunk', { p248: 'x' }, [{ path: '/p248', code: 'type' }]],
    ['two chunks and an unknown key', { p10: null, p150: [], p999: 1 }, [{ path: '/p150', code: 'type' }, { path: '/p999', code: 'unknown-property' }]],
  ])('%s', (_name, mutation, want) => {
    expect(pathsAndCodes(compiled.validate('BigThing')({ ...valid, ...mutation }, { unknownProperties: 'report' }))).toEqual(want);
    expect(compiled.is('BigThing')({ ...valid, ...mutation }, { unknownProperties: 'report' })).toBe(false);
    expect(compiled.is('BigThing')({ ...valid, ...mutation })).toBe(false);
  });
  it('is split into chunk functions', () => {
    expect(compiled.result.files.get('microsoft.graph.validators.ts')).toContain('function $p3BigThing(');
  });
});
