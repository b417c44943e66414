/** The runtime module copied into generated output: formats, pointers, options, entry points. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuntimeSource } from '../../generator/runtime/render-source.js';
import { validationRuntimeSource } from '../../generator/runtime/runtime-source.js';
import * as rt from '../../generator/runtime/validation.js';
import { projectRoot } from './harness.js';

describe('formats', () => {
  const cases: { format: rt.FormatName; valid: string[]; invalid: string[] }[] = [
    {
      format: 'date-time',
      valid: ['2021-07-01T09:15:00Z', '2021-07-01T09:15:00.1234567Z', '2021-07-01T09:15Z', '2021-07-01T09:15:00+02:00', '2021-07-01t09:15:00z', '2020-02-29T00:00:00-11:30', '0001-01-01T00:00:00Z'],
      invalid: ['2021-07-01T09:15:00', '2021-07-01', '2021-02-29T00:00:00Z', '2021-13-01T00:00:00Z', '2021-07-01T24:00:00Z', '2021-07-01T09:60:00Z', '2021-07-01 09:15:00Z', 'datetime-value', ''],
    },
    { format: 'date', valid: ['2021-07-01', '2000-02-29', '1900-12-31'], invalid: ['1900-02-29', '2021-7-1', '2021-07-01T00:00:00Z', '2021-04-31', 'Date', ''] },
    { format: 'time', valid: ['00:00', '23:59:59', '22:00:00.0000000', '12:30:05.5'], invalid: ['24:00:00', '12:60', '12:30:60', '12', '12:30:00Z', ''] },
    {
      format: 'duration',
      valid: ['PT1H', 'P90D', 'P1Y2M3W4DT5H6M7.5S', '-PT30M', 'PT0S', 'P1D', 'PT1,5S'],
      invalid: ['P', 'PT', 'P1DT', '1H', 'PT1D', 'P1H', '01:00:00', ''],
    },
    { format: 'uuid', valid: ['4f1a2b3c-0000-4000-8000-00000000abcd', '4F1A2B3C-0000-4000-8000-00000000ABCD'], invalid: ['4f1a2b3c00004000800000000000abcd', '{4f1a2b3c-0000-4000-8000-00000000abcd}', 'skuId-value', ''] },
    { format: 'base64', valid: ['', 'q83vEjRWeJA=', 'q83vEjRWeA==', 'q83vEjRWeA', 'ab-_', 'YWJj'], invalid: ['abcde', 'ab=c', 'a===', '=', 'Adfsdfsdfsdfw==', 'a b'] },
  ];
  for (const { format, valid, invalid } of cases) {
    it.each(valid)(`${format} accepts %j`, (text) => expect(rt.formats[format](text)).toBe(true));
    it.each(invalid)(`${format} rejects %j`, (text) => expect(rt.formats[format](text)).toBe(false));
  }
});

describe('isInt64String', () => {
  it.each([
    ['0', true],
    ['-9223372036854775808', true],
    ['9223372036854775807', true],
    ['9223372036854775808', false],
    ['-9223372036854775809', false],
    ['01', false],
    ['1.0', false],
    ['', false],
    [12, false],
  ] as const)('%j → %s', (value, want) => expect(rt.isInt64String(value)).toBe(want));
});

describe('pointerSegment', () => {
  it.each([
    ['a', 'a'],
    ['a/b', 'a~1b'],
    ['m~n', 'm~0n'],
    ['~/', '~0~1'],
    ['', ''],
  ])('%j → %j', (key, want) => expect(rt.pointerSegment(key)).toBe(want));
});

describe('isControlKey', () => {
  it.each([
    ['@odata.context', true],
    ['@odata.nextLink', true],
    ['members@odata.bind', true],
    ['#microsoft.graph.restore', true],
    ['@microsoft.graph.conflictBehavior', true],
    ['displayName', false],
    ['odata.type', false],
  ])('%j → %s', (key, want) => expect(rt.isControlKey(key)).toBe(want));
});

describe('settings', () => {
  it('resolves defaults to one shared object and reads each option', () => {
    expect(rt.settings()).toBe(rt.settings(undefined));
    expect(rt.settings()).toMatchObject({ unknownProperties: false, interpret: false, ownChecks: false });
    expect(rt.settings({ formats: false })).toMatchObject({ dateTime: false, date: false, time: false, duration: false, uuid: false, base64: false, unknownProperties: false });
    expect(rt.settings({ formats: { date: false } })).toMatchObject({ dateTime: true, date: false });
    expect(rt.settings({ unknownProperties: 'ignore' })).toMatchObject({ unknownProperties: false, interpret: false });
    expect(rt.settings({ unknownProperties: 'report' })).toMatchObject({ unknownProperties: true, interpret: true });
    expect(rt.settings({ maxDepth: 3.7 }).maxDepth).toBe(3);
    expect(rt.settings({ maxDepth: -1 }).maxDepth).toBe(rt.defaultMaxDepth);
    expect(rt.settings({ maxDepth: 1e9 }).maxDepth).toBe(rt.maxMaxDepth);
    expect(rt.settings(JSON.parse('{"formats": {"__proto__": {"date": false}}}') as rt.ValidateOptions).date).toBe(true);
  });
});

describe('entry points', () => {
  it('turn an exception into false or an internal issue', () => {
    const throwing: rt.Check = () => {
      throw new Error('boom');
    };
    expect(rt.guard({}, throwing, undefined)).toBe(false);
    const throwingTable: rt.Table = () => {
      throw new Error('boom');
    };
    expect(rt.validate({}, throwing, throwingTable, undefined)).toEqual([{ path: '', code: 'internal', message: 'the validator failed: boom', expected: 'no exception', received: 'boom' }]);
  });

  it('report an internal issue when the check and the interpreter disagree', () => {
    const table: rt.Table = () => ({ id: 'x', file: 'x.md', check: () => false, properties: [] });
    expect(rt.validate({}, () => false, table, undefined).map((i) => i.code)).toEqual(['internal']);
  });
});

describe('describe', () => {
  it.each([
    [null, 'null'],
    [[1], 'array'],
    [{}, 'object'],
    ['x', 'string "x"'],
    [1.5, 'number 1.5'],
    [Number.NaN, 'number NaN (not JSON)'],
    [true, 'boolean true'],
    [undefined, 'undefined'],
    ['y'.repeat(100), `string "${'y'.repeat(57)}..."`],
  ])('%j → %s', (value, want) => expect(rt.describe(value)).toBe(want));
});

describe('runtime-source.ts', () => {
  it('is up to date with validation.ts (run `npm run runtime-source`)', () => {
    const runtime = readFileSync(join(projectRoot, 'generator/runtime/validation.ts'), 'utf8');
    expect(readFileSync(join(projectRoot, 'generator/runtime/runtime-source.ts'), 'utf8')).toBe(renderRuntimeSource(runtime));
    expect(validationRuntimeSource).toBe(runtime.replace(/\r\n?/g, '\n'));
  });
});
