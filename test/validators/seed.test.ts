/** The seed's types (specs/): the issue's example, valid values, and one-field spoilers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compile, pathsAndCodes, projectRoot, readSpecPages, type Compiled } from './harness.js';

let compiled: Compiled;
beforeAll(async () => {
  compiled = await compile(readSpecPages(join(projectRoot, 'specs')));
});
afterAll(() => compiled?.dispose());

const valid = {
  '@odata.type': '#microsoft.graph.synchronizationTaskExecution',
  activityIdentifier: 'a3f9',
  countEntitled: 12,
  countEntitledForProvisioning: 0,
  countEscrowed: 1024,
  countEscrowedRaw: 1024,
  countExported: 9007199254740991,
  countExports: -3,
  countImported: null,
  countImportedDeltas: 7,
  countImportedReferenceDeltas: 0,
  error: { '@odata.type': 'microsoft.graph.synchronizationError', code: 'InvalidCredentials', message: 'Sign-in failed', tenantActionable: true },
  state: 'EntryLevelErrors',
  timeBegan: '2021-07-01T10:00:00.0000000Z',
  timeEnded: '2021-07-01T10:05:30+02:00',
};

describe('synchronizationTaskExecution', () => {
  it('rejects the issue example with exactly three issues', () => {
    const issues = compiled.validate('SynchronizationTaskExecution')({ countEntitled: '12', state: 'Running', error: { tenantActionable: 'yes' } });
    expect(pathsAndCodes(issues)).toEqual([
      { path: '/countEntitled', code: 'type' },
      { path: '/error/tenantActionable', code: 'type' },
      { path: '/state', code: 'enum' },
    ]);
    expect(issues.find((i) => i.path === '/countEntitled')).toEqual({
      path: '/countEntitled',
      code: 'type',
      message: 'expected integer (Int64), received string "12"',
      expected: 'integer (Int64)',
      received: 'string "12"',
      source: { file: 'synchronizationtaskexecution.md', line: 21 },
    });
    expect(issues.find((i) => i.path === '/error/tenantActionable')?.source).toEqual({ file: 'synchronizationerror.md', line: 21 });
    expect(compiled.is('SynchronizationTaskExecution')({ countEntitled: '12', state: 'Running', error: { tenantActionable: 'yes' } })).toBe(false);
  });

  it.each([
    ['a full value', valid],
    ['an empty object', {}],
    ['every property null', Object.fromEntries(Object.keys(valid).filter((k) => !k.startsWith('@')).map((k) => [k, null]))],
    ['OData control information', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#x', '@odata.etag': 'W/"1"', 'error@odata.navigationLink': 'x', '#microsoft.graph.restore': {} }],
    ['the docs JSON representation shape with real values', { state: 'Succeeded', error: { code: 'String', message: 'String', tenantActionable: true } }],
  ])('accepts %s', (_name, value) => {
    expect(compiled.validate('SynchronizationTaskExecution')(value)).toEqual([]);
    expect(compiled.is('SynchronizationTaskExecution')(value)).toBe(true);
  });

  const spoilers: [string, Record<string, unknown>, { path: string; code: string }[]][] = [
    ['string for Int64', { countEntitled: '12' }, [{ path: '/countEntitled', code: 'type' }]],
    ['fraction for Int64', { countEscrowed: 1.5 }, [{ path: '/countEscrowed', code: 'type' }]],
    ['Int64 beyond the safe range', { countExported: 2 ** 60 }, [{ path: '/countExported', code: 'range' }]],
    ['number for String', { activityIdentifier: 5 }, [{ path: '/activityIdentifier', code: 'type' }]],
    ['undocumented enum member', { state: 'Running' }, [{ path: '/state', code: 'enum' }]],
    ['enum member in another case', { state: 'succeeded' }, [{ path: '/state', code: 'enum' }]],
    ['not a date-time', { timeBegan: 'yesterday' }, [{ path: '/timeBegan', code: 'format' }]],
    ['impossible date', { timeEnded: '2021-02-30T00:00:00Z' }, [{ path: '/timeEnded', code: 'format' }]],
    ['date-time without offset', { timeEnded: '2021-02-03T00:00:00' }, [{ path: '/timeEnded', code: 'format' }]],
    ['array for a complex type', { error: [] }, [{ path: '/error', code: 'type' }]],
    ['string for a complex type', { error: 'boom' }, [{ path: '/error', code: 'type' }]],
    ['nested wrong kind', { error: { tenantActionable: 'yes' } }, [{ path: '/error/tenantActionable', code: 'type' }]],
    ['unknown property', { countEntitled: 1, countTotal: 2 }, [{ path: '/countTotal', code: 'unknown-property' }]],
    ['unknown nested property', { error: { details: 'x' } }, [{ path: '/error/details', code: 'unknown-property' }]],
    ['unknown property with ~ and /', { 'a/b~c': 1 }, [{ path: '/a~1b~0c', code: 'unknown-property' }]],
    ['wrong @odata.type', { '@odata.type': '#microsoft.graph.synchronizationError' }, [{ path: '/@odata.type', code: 'odata-type' }]],
    ['non-string @odata.type', { '@odata.type': 7 }, [{ path: '/@odata.type', code: 'type' }]],
    ['wrong nested @odata.type', { error: { '@odata.type': '#microsoft.graph.user' } }, [{ path: '/error/@odata.type', code: 'odata-type' }]],
  ];
  it.each(spoilers)('spoiler: %s', (_name, mutation, want) => {
    const value = { ...valid, ...mutation };
    // Undocumented properties are reported on request only: by default they are accepted.
    const options = want.some((issue) => issue.code === 'unknown-property') ? ({ unknownProperties: 'report' } as const) : undefined;
    expect(pathsAndCodes(compiled.validate('SynchronizationTaskExecution')(value, options))).toEqual(want);
    expect(compiled.is('SynchronizationTaskExecution')(value, options)).toBe(false);
    if (options !== undefined) {
      expect(compiled.validate('SynchronizationTaskExecution')(value)).toEqual([]);
      expect(compiled.is('SynchronizationTaskExecution')(value)).toBe(true);
    }
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'x'],
    ['a number', 1],
    ['undefined', undefined],
  ])('rejects %s at the root with one type issue', (_name, value) => {
    expect(pathsAndCodes(compiled.validate('SynchronizationTaskExecution')(value))).toEqual([{ path: '', code: 'type' }]);
  });
});

describe('synchronizationTaskExecutionResult (enum)', () => {
  it('accepts members and rejects others', () => {
    const is = compiled.is('SynchronizationTaskExecutionResult');
    expect(['Succeeded', 'Failed', 'EntryLevelErrors'].map((v) => is(v))).toEqual([true, true, true]);
    expect(['Running', '', 5, null].map((v) => is(v))).toEqual([false, false, false, false]);
    expect(pathsAndCodes(compiled.validate('SynchronizationTaskExecutionResult')(5))).toEqual([{ path: '', code: 'type' }]);
    expect(pathsAndCodes(compiled.validate('SynchronizationTaskExecutionResult')('Running'))).toEqual([{ path: '', code: 'enum' }]);
  });
});
