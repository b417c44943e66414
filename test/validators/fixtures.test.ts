/**
 * Validators by behaviour on corpus-shaped fixtures (test/validators/fixtures):
 * every primitive kind, inheritance with an override, collections, enums and
 * flags, open types, @odata.type dispatch, a second namespace, prototype-named
 * properties. Each valid value passes; each one-field spoiler yields exactly
 * the expected set of {path, code}, with undocumented properties reported
 * (`unknownProperties: 'report'`); by default they are accepted.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidateOptions } from '../../generator/runtime/validation.js';
import { compile, pathsAndCodes, projectRoot, readSpecPages, type Compiled } from './harness.js';

const report: ValidateOptions = { unknownProperties: 'report' };

const fixtures = readSpecPages(join(projectRoot, 'test/validators/fixtures'));
let compiled: Compiled;
beforeAll(async () => {
  compiled = await compile(fixtures);
});
afterAll(() => compiled?.dispose());

const device = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#devices/$entity',
  '@odata.etag': 'W/"3"',
  id: 'd1',
  displayName: 'Surface',
  deviceId: '4F1A2B3C-0000-4000-8000-00000000ABCD',
  registeredDate: '2020-02-29',
  lastSeenDateTime: '2021-07-01T09:15:00.1234567Z',
  quietHoursStart: '22:00:00.0000000',
  syncInterval: 'PT1H30M',
  thumbprint: 'q83vEjRWeJA=',
  batteryLevel: 0.75,
  temperature: -3.5e2,
  price: 999.99,
  screenCount: 2,
  priority: 255,
  offset: -128,
  storageBytes: 512000000000,
  appCount: 2147483647,
  isManaged: true,
  tags: ['kiosk', 'lobby'],
  'tags@odata.type': '#Collection(String)',
  owners: [{ name: 'Adele', since: '2019-01-01T00:00:00+01:00' }, { name: null }],
  kind: 'tablet',
  parts: 'screen,camera',
  settings: { locale: 'en-US', brightness: 80, '@odata.type': '#microsoft.graph.deviceSettings' },
  extra: { anything: [1, 'two', null] },
  '#microsoft.graph.wipe': { title: 'wipe', target: 'https://graph.microsoft.com/v1.0/devices/d1/wipe' },
};

const phone = { '@odata.type': '#microsoft.graph.phone', id: 'p1', displayName: 'Lumia', phoneNumber: '+1 425 555 0100', appCount: 32767 };

type Spoiler = [name: string, mutation: Record<string, unknown>, want: { path: string; code: string }[]];

const deviceSpoilers: Spoiler[] = [
  ['String as number', { displayName: 7 }, [{ path: '/displayName', code: 'type' }]],
  ['null where not nullable', { displayName: null }, [{ path: '/displayName', code: 'null' }]],
  ['inherited not-nullable property null', { id: null }, [{ path: '/id', code: 'null' }]],
  ['Guid malformed', { deviceId: '4F1A2B3C-0000-4000-8000' }, [{ path: '/deviceId', code: 'format' }]],
  ['Date not a day', { registeredDate: '2021-02-29' }, [{ path: '/registeredDate', code: 'format' }]],
  ['Date with a time', { registeredDate: '2021-02-01T00:00:00Z' }, [{ path: '/registeredDate', code: 'format' }]],
  ['DateTimeOffset without offset', { lastSeenDateTime: '2021-07-01T09:15:00' }, [{ path: '/lastSeenDateTime', code: 'format' }]],
  ['TimeOfDay with hour 24', { quietHoursStart: '24:00:00' }, [{ path: '/quietHoursStart', code: 'format' }]],
  ['Duration without designators', { syncInterval: '01:30:00' }, [{ path: '/syncInterval', code: 'format' }]],
  ['Duration with a dangling T', { syncInterval: 'P1DT' }, [{ path: '/syncInterval', code: 'format' }]],
  ['Binary with a bad length', { thumbprint: 'abcde' }, [{ path: '/thumbprint', code: 'format' }]],
  ['Double as string', { batteryLevel: '0.75' }, [{ path: '/batteryLevel', code: 'type' }]],
  ['Single as boolean', { temperature: false }, [{ path: '/temperature', code: 'type' }]],
  ['Int16 too big', { screenCount: 32768 }, [{ path: '/screenCount', code: 'range' }]],
  ['Byte negative', { priority: -1 }, [{ path: '/priority', code: 'range' }]],
  ['SByte too small', { offset: -129 }, [{ path: '/offset', code: 'range' }]],
  ['Int32 too big', { appCount: 2147483648 }, [{ path: '/appCount', code: 'range' }]],
  ['Int32 fraction', { appCount: 1.5 }, [{ path: '/appCount', code: 'type' }]],
  ['Int64 as string', { storageBytes: '512000000000' }, [{ path: '/storageBytes', code: 'type' }]],
  ['Boolean as string', { isManaged: 'true' }, [{ path: '/isManaged', code: 'type' }]],
  ['collection as string', { tags: 'kiosk' }, [{ path: '/tags', code: 'type' }]],
  ['collection documented not nullable, null', { serials: null }, [{ path: '/serials', code: 'null' }]],
  ['collection element wrong', { tags: ['kiosk', 3, 'lobby'] }, [{ path: '/tags/1', code: 'type' }]],
  ['collection element null', { tags: [null] }, [{ path: '/tags/0', code: 'type' }]],
  ['complex element wrong', { owners: [{ name: 'Adele' }, { since: 'yesterday' }] }, [{ path: '/owners/1/since', code: 'format' }]],
  ['complex element unknown property', { owners: [{ nickname: 'A' }] }, [{ path: '/owners/0/nickname', code: 'unknown-property' }]],
  ['enum not a member', { kind: 'watch' }, [{ path: '/kind', code: 'enum' }]],
  ['enum as number', { kind: 1 }, [{ path: '/kind', code: 'type' }]],
  ['flags with a non-member', { parts: 'screen,antenna' }, [{ path: '/parts', code: 'enum' }]],
  ['flags empty', { parts: '' }, [{ path: '/parts', code: 'enum' }]],
  ['open type property of the wrong type', { settings: { locale: 5, brightness: 80 } }, [{ path: '/settings/locale', code: 'type' }]],
  ['unknown property on a closed type', { colour: 'blue' }, [{ path: '/colour', code: 'unknown-property' }]],
  ['__proto__ key on a closed type', JSON.parse('{"__proto__": {"isManaged": "no"}}') as Record<string, unknown>, [{ path: '/__proto__', code: 'unknown-property' }]],
  ['derived-only property without @odata.type', { phoneNumber: '+1' }, [{ path: '/phoneNumber', code: 'unknown-property' }]],
  ['@odata.type of an unrelated type', { '@odata.type': '#microsoft.graph.deviceOwner' }, [{ path: '/@odata.type', code: 'odata-type' }]],
  ['@odata.type of the base type', { '@odata.type': '#microsoft.graph.entity' }, [{ path: '/@odata.type', code: 'odata-type' }]],
  ['@odata.type of an unknown type', { '@odata.type': '#microsoft.graph.toaster' }, [{ path: '/@odata.type', code: 'odata-type' }]],
];

describe('device (every primitive kind, inherits from entity)', () => {
  it('accepts a full value with control information, annotations and advertised actions', () => {
    expect(compiled.validate('Device')(device)).toEqual([]);
    expect(compiled.is('Device')(device)).toBe(true);
  });

  it('accepts a derived type named by @odata.type, with its own and redefined properties', () => {
    expect(compiled.validate('Device')(phone)).toEqual([]);
    expect(compiled.is('Device')(phone)).toBe(true);
    expect(compiled.validate('Entity')(phone)).toEqual([]);
    expect(compiled.validate('Device')({ ...phone, '@odata.type': 'microsoft.graph.phone' })).toEqual([]);
  });

  it.each(deviceSpoilers)('spoiler: %s', (_name, mutation, want) => {
    const value = { ...device, ...mutation };
    expect(pathsAndCodes(compiled.validate('Device')(value, report))).toEqual(want);
    expect(compiled.is('Device')(value, report)).toBe(false);
    // By default, undocumented properties are accepted and everything else is the same.
    const byDefault = want.filter((issue) => issue.code !== 'unknown-property');
    expect(pathsAndCodes(compiled.validate('Device')(value))).toEqual(byDefault);
    expect(compiled.is('Device')(value)).toBe(byDefault.length === 0);
  });

  it.each<Spoiler>([
    ['Int16 override too big', { appCount: 32768 }, [{ path: '/appCount', code: 'range' }]],
    ['base property wrong', { isManaged: 1 }, [{ path: '/isManaged', code: 'type' }]],
    ['own property wrong', { phoneNumber: false }, [{ path: '/phoneNumber', code: 'type' }]],
  ])('derived spoiler through the base validator: %s', (_name, mutation, want) => {
    expect(pathsAndCodes(compiled.validate('Device')({ ...phone, ...mutation }))).toEqual(want);
    expect(pathsAndCodes(compiled.validate('Entity')({ ...phone, ...mutation }))).toEqual(want);
  });

  it('reports every problem, not just the first', () => {
    const issues = compiled.validate('Device')({ displayName: 1, tags: [1, 2], owners: [{ since: 'x' }], kind: 'watch', colour: 'blue' }, report);
    expect(pathsAndCodes(issues)).toEqual([
      { path: '/colour', code: 'unknown-property' },
      { path: '/displayName', code: 'type' },
      { path: '/kind', code: 'enum' },
      { path: '/owners/0/since', code: 'format' },
      { path: '/tags/0', code: 'type' },
      { path: '/tags/1', code: 'type' },
    ]);
  });

  it('gives the documented property of each issue', () => {
    const [issue] = compiled.validate('Device')({ owners: [{ since: 'x' }] });
    expect(issue).toMatchObject({ path: '/owners/0/since', source: { file: 'deviceowner.md', line: 12 } });
    const [inherited] = compiled.validate('Device')({ id: 5 });
    expect(inherited).toMatchObject({ path: '/id', source: { file: 'entity.md', line: 11 } });
  });
});

describe('options', () => {
  it('switches format checks off, all or one at a time', () => {
    const value = { ...device, deviceId: 'nope', lastSeenDateTime: 'yesterday' };
    const validate = compiled.validate('Device');
    expect(pathsAndCodes(validate(value))).toEqual([
      { path: '/deviceId', code: 'format' },
      { path: '/lastSeenDateTime', code: 'format' },
    ]);
    expect(validate(value, { formats: false })).toEqual([]);
    expect(pathsAndCodes(validate(value, { formats: { uuid: false } }))).toEqual([{ path: '/lastSeenDateTime', code: 'format' }]);
    expect(compiled.is('Device')(value, { formats: false })).toBe(true);
  });

  it('accepts unknown properties by default and with "ignore", and reports them on request', () => {
    const value = { ...device, colour: 'blue', owners: [{ nickname: 'A' }] };
    for (const options of [undefined, { unknownProperties: 'ignore' } as const]) {
      expect(compiled.validate('Device')(value, options)).toEqual([]);
      expect(compiled.is('Device')(value, options)).toBe(true);
    }
    expect(pathsAndCodes(compiled.validate('Device')(value, report))).toEqual([
      { path: '/colour', code: 'unknown-property' },
      { path: '/owners/0/nickname', code: 'unknown-property' },
    ]);
    expect(compiled.is('Device')(value, report)).toBe(false);
  });

  it('bounds the depth with its own code', () => {
    const value = { owners: [{ name: 'x' }] };
    expect(pathsAndCodes(compiled.validate('Device')(value, { maxDepth: 0 }))).toEqual([{ path: '/owners/0', code: 'depth' }]);
    expect(compiled.validate('Device')(value, { maxDepth: 1 })).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws and never reads prototype properties as data', () => {
    const validate = compiled.validate('PrototypeNames');
    const is = compiled.is('PrototypeNames');
    // Prototype-named documented properties are checked as own data.
    const own = JSON.parse('{"__proto__": "x", "constructor": 3}') as unknown;
    expect(validate(own)).toEqual([]);
    expect(pathsAndCodes(validate(JSON.parse('{"__proto__": 5, "constructor": "f"}')))).toEqual([
      { path: '/__proto__', code: 'type' },
      { path: '/constructor', code: 'type' },
    ]);
    // Inherited properties are not data: a value whose prototype carries bad values passes.
    const inherited = Object.create({ constructor: 'not an int', toString: 7, id: null }) as object;
    expect(validate(inherited)).toEqual([]);
    expect(is(inherited)).toBe(true);
    // A null-prototype object (what JSON parsers that guard against pollution produce).
    expect(validate(Object.assign(Object.create(null) as object, { constructor: 1 }))).toEqual([]);
    expect(pathsAndCodes(validate(JSON.parse('{"toString": {"__proto__": 1}}')))).toEqual([{ path: '/toString/__proto__', code: 'type' }]);
  });

  it('ignores a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['displayName'] = 5;
    prototype['colour'] = 'blue';
    try {
      expect(compiled.validate('Device')({ id: 'x' })).toEqual([]);
      expect(compiled.is('Device')({ id: 'x' })).toBe(true);
      expect(pathsAndCodes(compiled.validate('Device')({ id: 'x', size: 1 }, report))).toEqual([{ path: '/size', code: 'unknown-property' }]);
      expect(compiled.is('Device')({ id: 'x', size: 1 }, report)).toBe(false);
      expect(pathsAndCodes(compiled.validate('Device')({ id: 'x', displayName: 5 }))).toEqual([{ path: '/displayName', code: 'type' }]);
      expect(compiled.is('Device')({ id: 'x', displayName: 5 })).toBe(false);
    } finally {
      delete prototype['displayName'];
      delete prototype['colour'];
    }
  });

  it('handles deep nesting and cycles with a depth issue, without overflowing the stack', () => {
    // 10 000 managers deep: checked down to maxDepth, then one depth issue.
    const root: Record<string, unknown> = { name: 'n0' };
    let current = root;
    for (let i = 1; i < 10_000; i++) {
      const next: Record<string, unknown> = { name: `n${i}` };
      current['manager'] = next;
      current = next;
    }
    const depthPath = `/owners/0${'/manager'.repeat(64)}`;
    expect(pathsAndCodes(compiled.validate('Device')({ owners: [root] }))).toEqual([{ path: depthPath, code: 'depth' }]);
    expect(compiled.is('Device')({ owners: [root] })).toBe(false);
    // maxDepth is capped at 1000 so that the recursive walk never exhausts the stack.
    expect(pathsAndCodes(compiled.validate('Device')({ owners: [root] }, { maxDepth: 20_000 }))).toEqual([{ path: `/owners/0${'/manager'.repeat(1000)}`, code: 'depth' }]);
    // A cycle (not JSON, but reachable from JavaScript) ends the same way.
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['manager'] = cyclic;
    expect(pathsAndCodes(compiled.validate('DeviceOwner')(cyclic))).toEqual([{ path: '/manager'.repeat(65), code: 'depth' }]);
    // Deep arrays of unknown-typed values are not walked at all.
    let nested: unknown = [];
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(compiled.validate('Device')({ extra: nested })).toEqual([]);
  });

  it('accepts or rejects every kind of JSON value without throwing', () => {
    const values: unknown[] = [null, true, 0, -0, 1e308, '', 'x', [], [null], {}, { id: {} }, { tags: {} }, { owners: [[]] }, { parts: ',' }, Number.NaN, Infinity, undefined, () => 1, Symbol('s'), 10n];
    for (const name of ['Device', 'Phone', 'Entity', 'DeviceKind', 'DeviceParts', 'DeviceSettings', 'Session', 'DeviceOwner', 'PrototypeNames']) {
      for (const value of values) {
        const issues = compiled.validate(name)(value);
        expect(issues.every((i) => i.code !== 'internal'), `${name} ${String(value)}`).toBe(true);
        expect(compiled.is(name)(value)).toBe(issues.length === 0);
      }
    }
  });
});

describe('flags enum deviceParts', () => {
  it.each([
    ['screen', true],
    ['screen,keyboard', true],
    ['camera, screen', true],
    ['screen,,camera', false],
    ['Screen', false],
    ['screen,antenna', false],
  ])('%s → %s', (value, want) => {
    expect(compiled.is('DeviceParts')(value)).toBe(want);
  });
});
