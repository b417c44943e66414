/**
 * The runtime's interpreter on hand-written tables, without the generator:
 * what `collectIssues` reports for each kind of type data, the base and
 * `@odata.type` rules, the options, and the boolean entry points
 * (`conforms`, `dispatch`, `fastObject`). Each table's check is the
 * interpreter itself (`conforms`), so the walk never leans on generated code.
 */
import { describe, expect, it } from 'vitest';
import * as rt from '../../generator/runtime/validation.js';
import { pathsAndCodes } from './harness.js';

const objectCheck = (table: () => rt.ObjectData): rt.Check => (value, depth, settings) => rt.conforms(value, table, depth, settings);

function kind(): rt.EnumData {
  return { id: 'test.kind', check: (x) => x === 'a' || x === 'b', members: ['a', 'b'] };
}
const partSet = new Set(['screen', 'camera']);
function parts(): rt.EnumData {
  return { id: 'test.parts', check: (x) => rt.isFlags(x, partSet), members: [...partSet], flags: true };
}
function anyString(): rt.EnumData {
  return { id: 'test.anyString', check: (x) => typeof x === 'string', members: [] };
}
function entity(): rt.ObjectData {
  return { id: 'test.entity', file: 'entity.md', check: objectCheck(entity), properties: [['id', 'String', false, 5]], derived: [device] };
}
function device(): rt.ObjectData {
  return {
    id: 'test.device',
    file: 'device.md',
    check: objectCheck(device),
    base: entity,
    properties: [
      ['name', 'String', false, 10],
      ['note', 'String', true, 11],
      ['count', 'Int16', true, 12],
      ['size', 'Int64', true, 13],
      ['ratio', 'Double', true, 14],
      ['on', 'Boolean', true, 15],
      ['seen', 'DateTimeOffset', true, 16],
      ['guid', 'Guid', true, 17, 'other.md'],
      ['big', 'Int64String', true, 18],
      ['either', 'Int64Either', true, 19],
      ['kind', kind, true, 20],
      ['parts', parts, true, 21],
      ['label', anyString, true, 22],
      ['tags', ['String'], true, 23],
      ['grid', [['Int32']], true, 24],
      ['owner', owner, true, 25],
      ['owners', [owner], true, 26],
      ['extra', 0, false, 27],
      ['anything', [0], true, 28],
      ['payload', json, true, 29],
    ],
    derived: [phone],
  };
}
function phone(): rt.ObjectData {
  return { id: 'test.phone', file: 'phone.md', check: objectCheck(phone), base: device, properties: [['count', 'Int32', true, 8], ['number', 'String', true, 9]], derived: [smartphone] };
}
function smartphone(): rt.ObjectData {
  return { id: 'test.smartphone', file: 'smartphone.md', check: objectCheck(smartphone), base: phone, properties: [['apps', 'Int32', true, 4]] };
}
function owner(): rt.ObjectData {
  return { id: 'test.owner', file: 'owner.md', check: objectCheck(owner), properties: [['name', 'String', true, 3], ['manager', owner, true, 4]] };
}
function openThing(): rt.ObjectData {
  return { id: 'test.openThing', file: 'open.md', check: objectCheck(openThing), open: true, properties: [['name', 'String', true, 3]] };
}
function json(): rt.ObjectData {
  return { id: 'test.Json', file: 'json.md', check: (value) => value !== null && value !== undefined, json: true, properties: [] };
}

const defaults = rt.settings();
const issues = (value: unknown, table: rt.Table = device, options?: rt.ValidateOptions) => rt.collectIssues(value, table, rt.settings(options));
const codes = (value: unknown, table: rt.Table = device, options?: rt.ValidateOptions) => pathsAndCodes(issues(value, table, options));

describe('primitives, by code', () => {
  it.each<[string, Record<string, unknown>, { path: string; code: string }[]]>([
    ['String', { name: 1 }, [{ path: '/name', code: 'type' }]],
    ['Int16 fraction', { count: 1.5 }, [{ path: '/count', code: 'type' }]],
    ['Int16 range', { count: 40000 }, [{ path: '/count', code: 'range' }]],
    ['Int64 unsafe', { size: 2 ** 60 }, [{ path: '/size', code: 'range' }]],
    ['Double not finite', { ratio: Infinity }, [{ path: '/ratio', code: 'type' }]],
    ['Boolean', { on: 'yes' }, [{ path: '/on', code: 'type' }]],
    ['DateTimeOffset format', { seen: '2021-07-01' }, [{ path: '/seen', code: 'format' }]],
    ['Guid format', { guid: 'x' }, [{ path: '/guid', code: 'format' }]],
    ['Int64String as number', { big: 5 }, [{ path: '/big', code: 'type' }]],
    ['Int64String out of range', { big: '9223372036854775808' }, [{ path: '/big', code: 'format' }]],
    ['Int64Either as boolean', { either: true }, [{ path: '/either', code: 'type' }]],
    ['Int64Either as a bad string', { either: '1.5' }, [{ path: '/either', code: 'format' }]],
  ])('%s', (_name, value, want) => {
    expect(codes(value)).toEqual(want);
  });

  it('accepts valid values of every code', () => {
    const value = { id: 'x', name: 'n', count: -32768, size: 2 ** 53 - 1, ratio: -0.5, on: false, seen: '2021-07-01T00:00:00Z', guid: '4f1a2b3c-0000-4000-8000-00000000abcd', big: '-9223372036854775808', either: '12' };
    expect(rt.conforms(value, device, 0, defaults)).toBe(true);
  });

  it('says what was expected and received, with the property\'s source (its own file when the table names one)', () => {
    expect(issues({ count: 1.5, guid: 'x' })).toEqual([
      { path: '/count', code: 'type', message: 'expected integer (Int16), received number 1.5', expected: 'integer (Int16)', received: 'number 1.5', source: { file: 'device.md', line: 12 } },
      { path: '/guid', code: 'format', message: 'string "x" is not a valid Guid (uuid)', expected: 'Guid (uuid)', received: 'string "x"', source: { file: 'other.md', line: 17 } },
    ]);
  });

  it('follows the format switches', () => {
    expect(codes({ seen: 'x', guid: 'y' }, device, { formats: { uuid: false } })).toEqual([{ path: '/seen', code: 'format' }]);
    expect(rt.conforms({ seen: 'x', guid: 'y' }, device, 0, rt.settings({ formats: false }))).toBe(true);
  });
});

describe('null, anything, collections, enums, objects', () => {
  it('reports null only where the property is not nullable; anything goes for an unresolved type', () => {
    expect(codes({ name: null, id: null, note: null, extra: null })).toEqual([
      { path: '/id', code: 'null' },
      { path: '/name', code: 'null' },
    ]);
    expect(rt.conforms({ extra: [{ deep: () => 1 }], anything: [1, 'x', null] }, device, 0, defaults)).toBe(true);
    expect(codes({ anything: 'not a collection' })).toEqual([{ path: '/anything', code: 'type' }]);
  });

  it('checks every element of collections, collections of collections included; an element is never null', () => {
    expect(codes({ tags: ['a', 1, null], grid: [[1, 2], [3, 'x'], 'y', [null]] })).toEqual([
      { path: '/grid/1/1', code: 'type' },
      { path: '/grid/2', code: 'type' },
      { path: '/grid/3/0', code: 'type' },
      { path: '/tags/1', code: 'type' },
      { path: '/tags/2', code: 'type' },
    ]);
    expect(issues({ grid: 'x' })[0]?.expected).toBe('array (Collection(Int32))');
    expect(issues({ owners: {} })[0]?.expected).toBe('array (test.owner)');
  });

  it('checks enum members, flags, and any string for an enum without members', () => {
    expect(codes({ kind: 'c', parts: 'screen,antenna', label: 5 })).toEqual([
      { path: '/kind', code: 'enum' },
      { path: '/label', code: 'type' },
      { path: '/parts', code: 'enum' },
    ]);
    expect(issues({ kind: 'c' })[0]?.expected).toBe('one of "a", "b" (test.kind)');
    expect(rt.conforms({ kind: 'a', parts: 'camera, screen', label: 'anything' }, device, 0, defaults)).toBe(true);
    expect(codes('c', kind)).toEqual([{ path: '', code: 'enum' }]);
  });

  it('walks nested objects one level deeper, down to maxDepth', () => {
    expect(codes({ owner: { name: 1, manager: { name: 2 } }, owners: [{ name: 3 }, 'x'] })).toEqual([
      { path: '/owner/manager/name', code: 'type' },
      { path: '/owner/name', code: 'type' },
      { path: '/owners/0/name', code: 'type' },
      { path: '/owners/1', code: 'type' },
    ]);
    expect(codes({ owner: { manager: { manager: {} } } }, device, { maxDepth: 2 })).toEqual([{ path: '/owner/manager/manager', code: 'depth' }]);
  });

  it('takes any JSON value but null for a Json type', () => {
    expect(rt.conforms({ payload: [1, 'x', { a: null }] }, device, 0, defaults)).toBe(true);
    expect(codes(null, json)).toEqual([{ path: '', code: 'type' }]);
    expect(rt.conforms(5, json, 0, defaults)).toBe(true);
  });
});

describe('inheritance and @odata.type', () => {
  it('merges the base\'s properties, a derived type\'s replacing its base\'s of the same name', () => {
    expect(codes({ id: 5 })).toEqual([{ path: '/id', code: 'type' }]);
    expect(codes({ '@odata.type': '#test.phone', count: 40000, number: 1 })).toEqual([{ path: '/number', code: 'type' }]);
    expect(codes({ '@odata.type': '#test.phone', count: 2 ** 31 })).toEqual([{ path: '/count', code: 'range' }]);
  });

  it('checks a value naming a derived type, directly or not, against that type', () => {
    expect(codes({ '@odata.type': 'test.smartphone', apps: 'x', id: 1 }, entity)).toEqual([
      { path: '/apps', code: 'type' },
      { path: '/id', code: 'type' },
    ]);
    expect(rt.dispatch(entity, '#test.smartphone', { apps: 3 }, 0, defaults)).toBe(true);
    expect(rt.dispatch(entity, '#test.smartphone', { apps: 'x' }, 0, defaults)).toBe(false);
    expect(rt.dispatch(entity, '#test.owner', {}, 0, defaults)).toBe(false);
    // The type's own other spelling (without `#`) runs its shape.
    expect(rt.dispatch(counter, 'test.counter', { count: 1 }, 0, defaults)).toBe(true);
    expect(rt.dispatch(counter, 'test.counter', { count: 'x' }, 0, defaults)).toBe(false);
    expect(rt.dispatch(entity, 7, {}, 0, defaults)).toBe(false);
  });

  it('reports an @odata.type naming another type, then checks the expected type\'s own properties', () => {
    expect(codes({ '@odata.type': '#test.owner', name: 1 }, device)).toEqual([
      { path: '/@odata.type', code: 'odata-type' },
      { path: '/name', code: 'type' },
    ]);
    expect(codes({ '@odata.type': '#test.entity' }, device)).toEqual([{ path: '/@odata.type', code: 'odata-type' }]);
    expect(codes({ '@odata.type': 1 }, device)).toEqual([{ path: '/@odata.type', code: 'type' }]);
  });
});

describe('undocumented properties and control information', () => {
  const value = { name: 'n', colour: 'blue', '@odata.etag': 'x', 'tags@odata.nextLink': 'y', '#test.wipe': {}, owner: { nickname: 'o' } };

  it('are accepted by default', () => {
    expect(rt.conforms(value, device, 0, defaults)).toBe(true);
  });

  it('are reported with unknownProperties: "report", except control information and on open types', () => {
    expect(codes(value, device, { unknownProperties: 'report' })).toEqual([
      { path: '/colour', code: 'unknown-property' },
      { path: '/owner/nickname', code: 'unknown-property' },
    ]);
    expect(rt.conforms({ name: 'n', colour: 'blue' }, openThing, 0, rt.settings({ unknownProperties: 'report' }))).toBe(true);
    expect(codes({ 'a/b~c': 1 }, owner, { unknownProperties: 'report' })).toEqual([{ path: '/a~1b~0c', code: 'unknown-property' }]);
  });
});

/** A table with a hand-written shape, as generated code has: it records the position and the value of each failing property. */
function counter(): rt.ObjectData {
  return {
    id: 'test.counter',
    file: 'counter.md',
    check: objectCheck(counter),
    shape: (v, _depth, _settings, failed) => {
      let x: unknown;
      if ((x = v['count']) != null && !(typeof x === 'number' && Number.isInteger(x)) && rt.failed(failed, 0, x)) return false;
      if ((x = v['label']) !== undefined && typeof x !== 'string' && rt.failed(failed, 1, x)) return false;
      return true;
    },
    properties: [
      ['count', 'Int32', true, 3],
      ['label', 'String', false, 4],
    ],
  };
}

describe('generated shapes', () => {
  it('find what to report in a plain object, by the same named reads as the boolean check', () => {
    expect(codes({ count: 1.5, label: null, other: 1 }, counter)).toEqual([
      { path: '/count', code: 'type' },
      { path: '/label', code: 'null' },
    ]);
    const hidden = Object.defineProperty({ label: 'n' }, 'count', { value: 'x', enumerable: false });
    expect(codes(hidden, counter)).toEqual([{ path: '/count', code: 'type' }]);
  });

  it('are not used for objects that are not plain, nor when the interpreter is in charge', () => {
    const inherited = Object.assign(Object.create({ count: 'inherited' }) as object, { label: 5 });
    expect(codes(inherited, counter)).toEqual([{ path: '/label', code: 'type' }]);
    expect(codes({ count: 'x', colour: 1 }, counter, { unknownProperties: 'report' })).toEqual([
      { path: '/colour', code: 'unknown-property' },
      { path: '/count', code: 'type' },
    ]);
  });

  it('stop at the first failing property without a list', () => {
    expect(counter().shape?.({ count: 'x', label: 5 }, 0, defaults, null)).toBe(false);
    const failing: unknown[] = [];
    expect(counter().shape?.({ count: 'x', label: 5 }, 0, defaults, failing)).toBe(true);
    expect(failing).toEqual([0, 'x', 1, 5]);
  });
});

/** A check as generated `$iX` are: the type's shape on a plain object (handing it the list `validate` passes), the interpreter otherwise. */
const shapeCheck =
  (table: () => rt.ObjectData): rt.Check =>
  (value, depth, settings, failed) =>
    rt.fastObject(value, depth, settings) ? (table().shape?.(value, depth, settings, failed ?? null) ?? false) : rt.conforms(value, table, depth, settings);

describe('validate', () => {
  const validate = (value: unknown, check: rt.Check = shapeCheck(counter)) => rt.validate(value, check, counter, undefined);

  it('reports what a fresh walk of the interpreter reports', () => {
    for (const value of [{ count: 1.5, label: null }, { count: 'x' }, { label: 5, count: 2 ** 40 }, 'x', null, [], Object.assign(Object.create(null) as object, { label: 5 })]) {
      expect(validate(value)).toEqual(rt.collectIssues(value, counter, defaults));
    }
    for (const value of [{ count: 1, label: 'n' }, {}, Object.create(null) as object]) expect(validate(value)).toEqual([]);
  });

  it('reports the failing properties the check recorded, without reading them again', () => {
    let reads = 0;
    const value = Object.defineProperty({ label: 'n' }, 'count', { get: () => (reads++ === 0 ? 'x' : 7), enumerable: true });
    expect(validate(value)).toEqual([{ path: '/count', code: 'type', message: 'expected integer (Int32), received string "x"', expected: 'integer (Int32)', received: 'string "x"', source: { file: 'counter.md', line: 3 } }]);
    expect(reads).toBe(1);
  });

  it('reports an internal issue when the check records a property the walk finds valid', () => {
    const recordsValid: rt.Check = (_value, _depth, _settings, failed) => {
      failed?.push(0, 5);
      return true;
    };
    expect(validate({ count: 5 }, recordsValid).map((i) => i.code)).toEqual(['internal']);
  });

  it('starts afresh when the check throws after recording, and leaves nothing behind for the next call', () => {
    const throwsLate: rt.Check = (value, depth, settings, failed) => {
      shapeCheck(counter)(value, depth, settings, failed);
      throw new Error('late');
    };
    expect(pathsAndCodes(validate({ count: 'x', label: 5 }, throwsLate))).toEqual([
      { path: '/count', code: 'type' },
      { path: '/label', code: 'type' },
    ]);
    expect(validate({ count: 1, label: 'n' })).toEqual([]);
    expect(pathsAndCodes(validate({ label: 5 }))).toEqual([{ path: '/label', code: 'type' }]);
  });

  it('is reentrant: a getter that validates while the check runs does not disturb the outer call', () => {
    let inner: rt.ValidationIssue[] = [];
    const value = Object.defineProperty({ count: 'x' }, 'label', {
      get: () => {
        inner = validate({ count: 1.5, label: 'n' });
        return 5;
      },
      enumerable: true,
    });
    expect(pathsAndCodes(validate(value))).toEqual([
      { path: '/count', code: 'type' },
      { path: '/label', code: 'type' },
    ]);
    expect(pathsAndCodes(inner)).toEqual([{ path: '/count', code: 'type' }]);
  });
});

describe('own properties only', () => {
  it('reads no inherited property, nor, without a shape, one that is not enumerable', () => {
    const inherited = Object.create({ name: 5, id: null }) as Record<string, unknown>;
    expect(rt.conforms(inherited, device, 0, defaults)).toBe(true);
    expect(rt.conforms(Object.defineProperty({}, 'name', { value: 5, enumerable: false }), device, 0, defaults)).toBe(true);
    expect(codes(JSON.parse('{"__proto__": 1, "name": "n"}'), device, { unknownProperties: 'report' })).toEqual([{ path: '/__proto__', code: 'unknown-property' }]);
  });

  it('leaves values the generated checks do not read themselves to the interpreter', () => {
    expect(rt.fastObject({}, 0, defaults)).toBe(true);
    expect(rt.fastObject(Object.create(null), 0, defaults)).toBe(true);
    for (const value of [null, [], 'x', Object.create({})]) expect(rt.fastObject(value, 0, defaults)).toBe(false);
    expect(rt.fastObject({}, 65, defaults)).toBe(false);
    expect(rt.fastObject({}, 0, rt.settings({ unknownProperties: 'report' }))).toBe(false);
  });
});
