/**
 * JSON Schema output: valid 2020-12 (compiled by ajv in strict mode), and it
 * accepts what the generated validators accept, value by value.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemas, type SchemaSet } from './ajv.js';
import { compile, projectRoot, readSpecPages, type Compiled } from './harness.js';

const pages = [...readSpecPages(join(projectRoot, 'test/validators/fixtures')), ...readSpecPages(join(projectRoot, 'specs'))];
let compiled: Compiled;
let schemas: SchemaSet;
beforeAll(async () => {
  compiled = await compile(pages, { jsonSchema: true });
  schemas = loadSchemas(compiled.result.files);
});
afterAll(() => compiled?.dispose());

const values: [string, unknown][] = [
  ['empty', {}],
  ['array', []],
  ['null', null],
  ['string', 'x'],
  ['full device', { id: 'd', displayName: 'S', deviceId: '4f1a2b3c-0000-4000-8000-00000000abcd', registeredDate: '2020-02-29', lastSeenDateTime: '2021-07-01T09:15Z', quietHoursStart: '22:00', syncInterval: 'P1D', thumbprint: 'q83vEjRWeA', batteryLevel: 1, temperature: 2.5, price: 3, screenCount: 1, priority: 0, offset: 127, storageBytes: 9007199254740991, appCount: -1, isManaged: false, tags: [], owners: [{ manager: { name: 'm' } }], kind: 'phone', parts: 'screen, camera', settings: { x: 1 }, extra: null }],
  ['control information', { '@odata.context': 'x', 'owners@odata.nextLink': 'y', '#microsoft.graph.wipe': {} }],
  ['derived with @odata.type', { '@odata.type': '#microsoft.graph.phone', phoneNumber: '1', appCount: 5 }],
  ['derived override out of range', { '@odata.type': '#microsoft.graph.phone', appCount: 40000 }],
  ['derived property without @odata.type', { phoneNumber: '1' }],
  ['unrelated @odata.type', { '@odata.type': '#microsoft.graph.deviceOwner' }],
  ['non-string @odata.type', { '@odata.type': 1 }],
  ['unknown property', { colour: 'blue' }],
  ['null not nullable', { displayName: null }],
  ['null nullable enum', { kind: null }],
  ['null collection', { tags: null }],
  ['bad flags', { parts: 'screen,,camera' }],
  ['flags with spaces', { parts: ' screen , camera ' }],
  ['bad enum', { kind: 'watch' }],
  ['bad Int16', { screenCount: 1.5 }],
  ['bad Int64', { storageBytes: 2 ** 60 }],
  ['bad Byte', { priority: 256 }],
  ['bad TimeOfDay', { quietHoursStart: '25:00' }],
  ['bad Binary', { thumbprint: 'abcde' }],
  ['bad date-time', { lastSeenDateTime: '2021-07-01T09:15:00' }],
  ['bad date', { registeredDate: '2021-02-29' }],
  ['bad uuid', { deviceId: 'x' }],
  ['bad duration', { syncInterval: 'PT' }],
  ['open type extra', { settings: { locale: 'en', anything: [1] } }],
  ['open type wrong documented', { settings: { locale: 1 } }],
  ['nested unknown', { owners: [{ nickname: 'x' }] }],
  ['prototype names', JSON.parse('{"__proto__": "x", "constructor": 1}')],
  ['seed example', { countEntitled: '12', state: 'Running', error: { tenantActionable: 'yes' } }],
];

describe('JSON Schema for the fixtures', () => {
  it('emits one 2020-12 document per namespace', () => {
    const names = [...compiled.result.files.keys()].filter((p) => p.endsWith('.schema.json'));
    expect(names).toEqual(['microsoft.graph.callRecords.schema.json', 'microsoft.graph.schema.json']);
    const document = JSON.parse(compiled.result.files.get('microsoft.graph.schema.json') ?? '{}') as Record<string, unknown>;
    expect(document['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document['$id']).toBe('microsoft.graph.schema.json');
  });

  const types: [file: string, def: string, typeName: string][] = [
    ['microsoft.graph.schema.json', 'device', 'Device'],
    ['microsoft.graph.schema.json', 'phone', 'Phone'],
    ['microsoft.graph.schema.json', 'entity', 'Entity'],
    ['microsoft.graph.schema.json', 'deviceKind', 'DeviceKind'],
    ['microsoft.graph.schema.json', 'deviceParts', 'DeviceParts'],
    ['microsoft.graph.schema.json', 'synchronizationTaskExecution', 'SynchronizationTaskExecution'],
    ['microsoft.graph.callRecords.schema.json', 'session', 'Session'],
  ];
  it.each(types)('%s#/$defs/%s agrees with the generated validator on every value', (file, def, typeName) => {
    const schema = schemas.compile(file, def);
    const is = compiled.is(typeName);
    const disagreements = values.filter(([, value]) => schema(value) !== is(value)).map(([name]) => name);
    expect(disagreements).toEqual([]);
  });

  it('agrees on every value as a property value and inside collections too', () => {
    const session = schemas.compile('microsoft.graph.callRecords.schema.json', 'session');
    const is = compiled.is('Session');
    const disagreements = values.filter(([, value]) => session({ device: value }) !== is({ device: value })).map(([name]) => name);
    expect(disagreements).toEqual([]);
  });
});
