// Copied by graphdoc-codegen from generator/runtime/validation.ts. Do not edit by hand.

/**
 * Runtime support for generated validators, copied into the generated output
 * as `runtime/validation.ts` (self-contained: it imports nothing). It holds
 * the issue shape and catalogue of codes, the options, the Edm primitives'
 * JSON shapes and format checks, and the one interpreter that collects every
 * issue: generated code emits, per type, a straight-line boolean check and a
 * data table (`Table`); `validateX` runs the check and, only when it fails,
 * walks the value with the tables. Nothing here throws on any input and
 * nothing reads a prototype's properties as data.
 */

/** What went wrong, one code per constraint kind. */
export type IssueCode =
  /** The JSON kind is wrong (a string where an integer is documented, an array where an object is). */
  | 'type'
  /** `null` where the docs say the property is not nullable. */
  | 'null'
  /** An integer outside the range of its Edm type (Int16, Int32, Int64, Byte, SByte). */
  | 'range'
  /** A string not in its Edm type's format (DateTimeOffset, Date, TimeOfDay, Duration, Guid, Binary). */
  | 'format'
  /** A string that is not a documented enum member (or, for a flags enum, a comma-separated list of them). */
  | 'enum'
  /** A property a closed type does not document (reported only with `unknownProperties: 'report'`). */
  | 'unknown-property'
  /** `@odata.type` names a type that is neither the expected one nor derived from it. */
  | 'odata-type'
  /** Nesting deeper than `maxDepth` objects; the value below is not checked. */
  | 'depth'
  /** The validator failed unexpectedly; never expected, reported rather than thrown. */
  | 'internal';

export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) to the offending value: `/error/code`, `/value/3/id`. */
  readonly path: string;
  readonly code: IssueCode;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  /** The documented property (page and line) the value was checked against, when there is one. */
  readonly source?: { readonly file: string; readonly line: number };
}

export type FormatName = 'date-time' | 'date' | 'time' | 'duration' | 'uuid' | 'base64';

export interface ValidateOptions {
  /** Format checks: `false` switches all off; an object switches single formats off (`{ 'date-time': false }`). Default: all on. */
  readonly formats?: boolean | { readonly [F in FormatName]?: boolean };
  /**
   * Properties a closed type does not document: `ignore` (default: the service may add properties at any time, and
   * the docs lag it) or `report` (code `unknown-property`).
   */
  readonly unknownProperties?: 'report' | 'ignore';
  /** Deepest object nesting checked (the root object is depth 0); deeper values get a `depth` issue. Default 64, at most 1000 (the walk is recursive). */
  readonly maxDepth?: number;
}

/** Options resolved to flat fields, as generated code reads them. */
export interface Settings {
  readonly dateTime: boolean;
  readonly date: boolean;
  readonly time: boolean;
  readonly duration: boolean;
  readonly uuid: boolean;
  readonly base64: boolean;
  readonly unknownProperties: boolean;
  readonly maxDepth: number;
  /**
   * Test every property read for own-ness. Off by default: a plain object's
   * named properties can only be inherited from Object.prototype, whose
   * members generated code always tests; on when Object.prototype carries
   * enumerable properties of its own (polluted).
   */
  readonly ownChecks: boolean;
  /**
   * Leave every object to the interpreter: when unknown properties are
   * reported or own-ness must be tested, which the generated straight-line
   * checks do not do.
   */
  readonly interpret: boolean;
}

export const defaultMaxDepth = 64;
/** The largest `maxDepth` honoured: deeper recursion could exhaust the stack. */
export const maxMaxDepth = 1000;

const defaultSettings: Settings = {
  dateTime: true,
  date: true,
  time: true,
  duration: true,
  uuid: true,
  base64: true,
  unknownProperties: false,
  maxDepth: defaultMaxDepth,
  ownChecks: false,
  interpret: false,
};
const defaultStrictSettings: Settings = { ...defaultSettings, ownChecks: true, interpret: true };

/** Object.prototype has enumerable properties: someone added some (prototype pollution). */
function prototypePolluted(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

function formatSwitch(formats: ValidateOptions['formats'], name: FormatName): boolean {
  if (formats === undefined || formats === true) return true;
  if (formats === false || typeof formats !== 'object' || formats === null) return false;
  return !Object.prototype.hasOwnProperty.call(formats, name) || formats[name] !== false;
}

/** Resolves options; the defaults are one shared object. */
export function settings(options?: ValidateOptions): Settings {
  const ownChecks = prototypePolluted();
  if (options === undefined || options === null || typeof options !== 'object') return ownChecks ? defaultStrictSettings : defaultSettings;
  const formats = options.formats;
  const depth = options.maxDepth;
  const unknownProperties = options.unknownProperties === 'report';
  return {
    dateTime: formatSwitch(formats, 'date-time'),
    date: formatSwitch(formats, 'date'),
    time: formatSwitch(formats, 'time'),
    duration: formatSwitch(formats, 'duration'),
    uuid: formatSwitch(formats, 'uuid'),
    base64: formatSwitch(formats, 'base64'),
    unknownProperties,
    maxDepth: typeof depth === 'number' && depth >= 0 ? Math.min(Math.floor(depth), maxMaxDepth) : defaultMaxDepth,
    ownChecks,
    interpret: ownChecks || unknownProperties,
  };
}

/* ------------------------------------------------------------------------ */
/* Edm primitives as JSON carries them                                      */
/* ------------------------------------------------------------------------ */

export type EdmPrimitive =
  | 'Binary'
  | 'Boolean'
  | 'Byte'
  | 'Date'
  | 'DateTimeOffset'
  | 'Decimal'
  | 'Double'
  | 'Duration'
  | 'Guid'
  | 'Int16'
  | 'Int32'
  | 'Int64'
  | 'SByte'
  | 'Single'
  | 'Stream'
  | 'String'
  | 'TimeOfDay';

/** The JSON kind an Edm primitive is carried as, and its format when it has one. */
export interface PrimitiveShape {
  readonly json: 'string' | 'number' | 'integer' | 'boolean';
  /** Format checked on strings: ISO 8601 date-time, date, time, duration; GUID; base64. */
  readonly format?: FormatName;
  /** Inclusive integer range for integer types. */
  readonly range?: readonly [number, number];
}

/** The one table of Edm primitives' JSON shapes: generated checks, the interpreter and the JSON Schema follow it. */
export const primitiveShapes: Readonly<Record<EdmPrimitive, PrimitiveShape>> = {
  Binary: { json: 'string', format: 'base64' },
  Boolean: { json: 'boolean' },
  Byte: { json: 'integer', range: [0, 255] },
  Date: { json: 'string', format: 'date' },
  DateTimeOffset: { json: 'string', format: 'date-time' },
  Decimal: { json: 'number' },
  Double: { json: 'number' },
  Duration: { json: 'string', format: 'duration' },
  Guid: { json: 'string', format: 'uuid' },
  Int16: { json: 'integer', range: [-32768, 32767] },
  Int32: { json: 'integer', range: [-2147483648, 2147483647] },
  Int64: { json: 'integer', range: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] },
  SByte: { json: 'integer', range: [-128, 127] },
  Single: { json: 'number' },
  Stream: { json: 'string' },
  String: { json: 'string' },
  TimeOfDay: { json: 'string', format: 'time' },
};

/**
 * How a table names a primitive: its Edm name, or Int64 carried as a string
 * (`Int64String`, IEEE754Compatible services) or as either (`Int64Either`),
 * per the Int64 mapping the code was generated with.
 */
export type PrimitiveCode = EdmPrimitive | 'Int64String' | 'Int64Either';

/* ------------------------------------------------------------------------ */
/* Formats (OData ABNF for Edm types; ISO 8601 / RFC 3339 spellings)        */
/* ------------------------------------------------------------------------ */

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/;
const durationPattern = /^-?P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/;
const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

/*
 * Date and date-time: a pattern without captures (cheaper than one with, and
 * than a scan by character code) that already bounds the month (01-12) and
 * the day (01-31); the calendar is consulted only for days past the 28th. The
 * language is that of `^(\d{4})-(\d{2})-(\d{2})…$` with a real calendar day
 * (a test checks the two against each other).
 */
const datePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const dateTimePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const uuidPattern = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** The two ASCII digits at `i` as a number (the pattern has checked that they are digits). */
function twoDigits(text: string, i: number): number {
  return (text.charCodeAt(i) - 48) * 10 + (text.charCodeAt(i + 1) - 48);
}

/** Whether the `YYYY-MM-DD` at the start of `text` (month and day in range) is a real calendar day. */
function realDay(text: string): boolean {
  const day = twoDigits(text, 8);
  return day <= 28 || validDate(twoDigits(text, 0) * 100 + twoDigits(text, 2), twoDigits(text, 5), day);
}

/** Edm.Date: `YYYY-MM-DD`, a real calendar day. */
export function isDate(text: string): boolean {
  return datePattern.test(text) && realDay(text);
}

/** Edm.TimeOfDay: `hh:mm[:ss[.fff]]`, no offset. */
export function isTimeOfDay(text: string): boolean {
  return timePattern.test(text);
}

/** Edm.DateTimeOffset: `YYYY-MM-DDThh:mm[:ss[.fff]]` with `Z` or `±hh:mm` (seconds optional, as OData allows). */
export function isDateTime(text: string): boolean {
  return dateTimePattern.test(text) && realDay(text);
}

/** Edm.Duration: ISO 8601 `[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one component. */
export function isDuration(text: string): boolean {
  return durationPattern.test(text);
}

/** Edm.Guid: 8-4-4-4-12 hexadecimal digits. */
export function isGuid(text: string): boolean {
  return text.length === 36 && uuidPattern.test(text);
}

/** Edm.Binary: base64 or base64url, padded or not. */
export function isBase64(text: string): boolean {
  if (!base64Pattern.test(text)) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return padding > 0 ? text.length % 4 === 0 : text.length % 4 !== 1;
}

/** The format checks by JSON Schema format name, e.g. to register with ajv (`ajv.addFormat(name, formats[name])`). */
export const formats: Readonly<Record<FormatName, (text: string) => boolean>> = {
  'date-time': isDateTime,
  date: isDate,
  time: isTimeOfDay,
  duration: isDuration,
  uuid: isGuid,
  base64: isBase64,
};

const settingOfFormat: Readonly<Record<FormatName, keyof Settings>> = {
  'date-time': 'dateTime',
  date: 'date',
  time: 'time',
  duration: 'duration',
  uuid: 'uuid',
  base64: 'base64',
};

/** Int64 carried as a string (IEEE754Compatible): an optionally signed decimal within the 64-bit range. */
export function isInt64String(value: unknown): boolean {
  if (typeof value !== 'string' || !/^-?(?:0|[1-9]\d{0,18})$/.test(value)) return false;
  const negative = value.charCodeAt(0) === 45; /* - */
  const digits = negative ? value.slice(1) : value;
  // Same length strings of digits compare like numbers.
  return digits.length < 19 || digits <= (negative ? '9223372036854775808' : '9223372036854775807');
}


/* ------------------------------------------------------------------------ */
/* Tables: what generated code states about each type                       */
/* ------------------------------------------------------------------------ */

/** A boolean check as generated code defines it: value, depth of the object holding it, settings. */
export type Check = (value: unknown, depth: number, settings: Settings) => boolean;

/**
 * A generated check of a plain object's properties, inherited ones included.
 * With `failed` null it returns at the first failing property; given a list,
 * it records there the position of every failing property (in the order of
 * the type's compiled fields) and goes on.
 */
export type Shape = (value: Record<string, unknown>, depth: number, settings: Settings, failed: number[] | null) => boolean;

/**
 * A type as a table states it: a primitive, another type's table, a
 * collection (a one-element array holding the element's type), or `0` for
 * anything (a type the docs name but the generator could not resolve).
 */
export type TypeData = PrimitiveCode | Table | readonly [TypeData] | 0;

/** One documented property: JSON name, type, whether it admits null, source line, and source file when it is not the table's. */
export type PropertyData = readonly [name: string, type: TypeData, nullable: boolean, line: number, file?: string];

export interface ObjectData {
  readonly id: string;
  /** The page documenting the type: the file of its properties' sources unless they say otherwise. */
  readonly file: string;
  /** The generated boolean check, with its `@odata.type` dispatch. */
  readonly check: Check;
  /** The generated check of its properties (no dispatch); none for a Json type. */
  readonly shape?: Shape;
  readonly base?: Table;
  /** An open type, or one deriving from an open type: undocumented properties are never reported. */
  readonly open?: true;
  /** Stands for any JSON value but null (Graph's `Json`). */
  readonly json?: true;
  /** The properties the type documents itself, replacing its base's of the same name; the base's come from the base's table. */
  readonly properties: readonly PropertyData[];
  /** The types whose base this is. */
  readonly derived?: readonly Table[];
}

export interface EnumData {
  readonly id: string;
  readonly check: Check;
  /** The documented members; none: any string. */
  readonly members: readonly string[];
  readonly flags?: true;
}

/**
 * A type's table. A function, so that tables may refer to each other in any
 * order (function declarations are hoisted, across cyclic imports too) and a
 * bundler keeps only the tables a validator reaches.
 */
export type Table = () => ObjectData | EnumData;

/* ------------------------------------------------------------------------ */
/* Helpers of the generated checks                                          */
/* ------------------------------------------------------------------------ */

const hasOwn = Object.prototype.hasOwnProperty;

/** An object whose prototype is Object.prototype or null: its named properties are its own or Object.prototype's. */
function plainPrototype(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Whether a generated check reads this value itself: a plain object, not
 * deeper than `maxDepth`, under settings that need no interpreter. The
 * generated check hands any other value to `conforms`.
 */
export function fastObject(value: unknown, depth: number, settings: Settings): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !settings.interpret && depth <= settings.maxDepth && !Array.isArray(value) && plainPrototype(value);
}

/** The interpreter's answer for a value `fastObject` leaves to it: is it a valid value of the table's object type? */
export function conforms(value: unknown, table: Table, depth: number, settings: Settings): boolean {
  const collector: Collector = { settings, issues: [], failing: [] };
  walkObject(collector, '', value, objectType(table), depth, undefined);
  return collector.issues.length === 0;
}

/**
 * The check for a value whose `@odata.type` is not `#ns.name` of the table's
 * type: the type's own shape for its other spelling (`ns.name`), the check of
 * the derived type it names, or false when it names neither.
 */
export function dispatch(table: Table, type: unknown, value: Record<string, unknown>, depth: number, settings: Settings): boolean {
  if (typeof type !== 'string') return false;
  const own = objectType(table);
  if (own.names.has(type)) return own.shape !== undefined && own.shape(value, depth, settings, null);
  const target = derivedTypes(own).get(type);
  return target !== undefined && target.check(value, depth, settings);
}

/** A failing property at `index`: true (stop) for a boolean check, else recorded (go on). */
export function failed(list: number[] | null, index: number): boolean {
  if (list === null) return true;
  list.push(index);
  return false;
}

/** A non-null, non-array object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OData control information and annotations: `@odata.context`, `prop@odata.nextLink`, `@x.y`, advertised operations `#ns.action`. */
export function isControlKey(key: string): boolean {
  return key.charCodeAt(0) === 35 /* # */ || key.indexOf('@') !== -1;
}

/** A flags enum value: one member or a comma-separated list of members (spaces after commas tolerated). */
export function isFlags(value: unknown, members: ReadonlySet<string>): boolean {
  if (typeof value !== 'string') return false;
  if (members.has(value)) return true;
  const parts = value.split(',');
  for (const part of parts) if (!members.has(part.trim())) return false;
  return true;
}

/* ------------------------------------------------------------------------ */
/* Issues                                                                   */
/* ------------------------------------------------------------------------ */

interface Collector {
  readonly settings: Settings;
  readonly issues: ValidationIssue[];
  /** Positions of failing properties, as generated shapes record them; shared by the objects of one walk, a stack. */
  readonly failing: number[];
}

type Source = { readonly file: string; readonly line: number } | undefined;

/** Escapes one JSON Pointer segment: `~` → `~0`, `/` → `~1`. */
export function pointerSegment(key: string): string {
  return key.indexOf('~') === -1 && key.indexOf('/') === -1 ? key : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `JSON.stringify` of a string; without its call when no character needs an escape (controls, `"`, `\\`, surrogates). */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** A short description of a value for `received`: its JSON kind, and primitives as JSON. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return `string ${quote(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case 'number':
      return Number.isFinite(value) ? `number ${String(value)}` : `number ${String(value)} (not JSON)`;
    case 'boolean':
      return `boolean ${String(value)}`;
    case 'object':
      return 'object';
    default:
      return typeof value;
  }
}

/** The one place messages are made: one per code (a switch, so that the call is monomorphic and inlined). */
function message(code: IssueCode, expected: string, received: string): string {
  switch (code) {
    case 'type':
      return `expected ${expected}, received ${received}`;
    case 'null':
      return 'null is not allowed: the property is documented as not nullable';
    case 'range':
      return `${received} is out of range for ${expected}`;
    case 'format':
      return `${received} is not a valid ${expected}`;
    case 'enum':
      return `${received} is not ${expected}`;
    case 'unknown-property':
      return `property ${received} is not documented for ${expected}`;
    case 'odata-type':
      return `@odata.type ${received} is neither ${expected} nor derived from it`;
    case 'depth':
      return `nesting deeper than ${expected} objects is not checked`;
    case 'internal':
      return `the validator failed: ${received}`;
    default: {
      const never: never = code;
      return String(never);
    }
  }
}

function report(collector: Collector, path: string, code: IssueCode, expected: string, received: string, source: Source): void {
  const text = message(code, expected, received);
  // One object literal per shape (with or without `source`): no property added after creation.
  collector.issues.push(source === undefined ? { path, code, message: text, expected, received } : { path, code, message: text, expected, received, source });
}

/** An integer Edm type: kind, then range. */
function checkInteger(c: Collector, path: string, value: unknown, edm: string, min: number, max: number, source: Source): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report(c, path, 'type', `integer (${edm})`, describe(value), source);
  } else if (value < min || value > max) {
    report(c, path, 'range', `${edm} [${min}, ${max}]`, describe(value), source);
  }
}

/** Int64 as a string (IEEE754Compatible). */
function checkInt64String(c: Collector, path: string, value: unknown, source: Source): void {
  if (typeof value !== 'string') report(c, path, 'type', 'string (Int64)', describe(value), source);
  else if (!isInt64String(value)) report(c, path, 'format', 'Int64 string', describe(value), source);
}

/** Int64 as a number or a string. */
function checkInt64Either(c: Collector, path: string, value: unknown, source: Source): void {
  if (typeof value === 'string') checkInt64String(c, path, value, source);
  else if (typeof value === 'number') checkInteger(c, path, value, 'Int64', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, source);
  else report(c, path, 'type', 'integer or string (Int64)', describe(value), source);
}

/** A string Edm type, with its format when it has one and the format check is on. */
function checkString(c: Collector, path: string, value: unknown, edm: string, format: FormatName | undefined, source: Source): void {
  if (typeof value !== 'string') {
    report(c, path, 'type', edm === 'String' ? 'string' : `string (${edm})`, describe(value), source);
  } else if (format !== undefined && c.settings[settingOfFormat[format]] === true && !formats[format](value)) {
    report(c, path, 'format', `${edm} (${format})`, describe(value), source);
  }
}

/** A documented enum member, or for a flags enum a comma-separated list of members; any string for an enum without members. */
function checkEnum(c: Collector, path: string, value: unknown, type: EnumType, source: Source): void {
  if (type.members.size === 0) return checkString(c, path, value, type.id, undefined, source);
  if (typeof value !== 'string') return report(c, path, 'type', `string (${type.id})`, describe(value), source);
  if (type.flags ? isFlags(value, type.members) : type.members.has(value)) return;
  if (type.expected === undefined) {
    const list = type.members.size <= 12 ? `${type.flags ? 'a comma-separated list of' : 'one of'} ${[...type.members].map((m) => JSON.stringify(m)).join(', ')}` : `${type.flags ? 'a comma-separated list of members' : 'a member'} of ${type.members.size}`;
    type.expected = `${list} (${type.id})`;
  }
  report(c, path, 'enum', type.expected, describe(value), source);
}

function reportOdataType(c: Collector, path: string, value: unknown, typeName: string): void {
  if (typeof value !== 'string') report(c, `${path}/@odata.type`, 'type', 'string (@odata.type)', describe(value), undefined);
  else report(c, `${path}/@odata.type`, 'odata-type', typeName, quote(value), undefined);
}

/* ------------------------------------------------------------------------ */
/* The interpreter: tables compiled on first use, then walked               */
/* ------------------------------------------------------------------------ */

/**
 * A type as the interpreter uses it, made once from its table data: a test
 * (no reporting), and the report of what keeps a value from passing that
 * test, called only once the test has failed. `depth` is that of the object
 * holding the value.
 */
interface Kind {
  readonly test: (value: unknown, depth: number, settings: Settings) => boolean;
  readonly report: (c: Collector, path: string, value: unknown, depth: number, source: Source) => void;
  /** The type as the docs name it, for `expected`. */
  readonly name: () => string;
  /** Anything goes (a type the generator could not resolve). */
  readonly any: boolean;
}

/** A property as the interpreter uses it. */
interface Field {
  readonly name: string;
  /** `/name`, escaped as a JSON Pointer segment. */
  readonly segment: string;
  /** Its type's test and report. */
  readonly kind: Kind;
  /** Admits null (so does a property of any type). */
  readonly nullable: boolean;
  readonly source: Source;
}

interface ObjectType {
  readonly kind: 'object';
  readonly id: string;
  readonly check: Check;
  readonly open: boolean;
  readonly json: boolean;
  readonly shape: Shape | undefined;
  /** The `@odata.type` spellings of the type itself. */
  readonly names: ReadonlySet<string>;
  /** Every property, inherited ones included (base first, a redefined one in its base's place), by name. */
  readonly fields: ReadonlyMap<string, Field>;
  /** The same, by position, as generated shapes record failing properties. */
  readonly fieldList: readonly Field[];
  readonly children: readonly Table[];
  /** Every type deriving from it, by `@odata.type` spelling; built on first use. */
  derived: ReadonlyMap<string, ObjectType> | undefined;
}

interface EnumType {
  readonly kind: 'enum';
  readonly id: string;
  readonly check: Check;
  readonly members: ReadonlySet<string>;
  readonly flags: boolean;
  /** `expected` of its issues, made on first use. */
  expected: string | undefined;
}

const anyKind: Kind = { test: () => true, report: () => undefined, name: () => 'unknown', any: true };

/** A primitive's test (the same rule as the generated checks') and report, with their texts made once. */
function primitiveKind(code: PrimitiveCode): Kind {
  const edm = code === 'Int64String' || code === 'Int64Either' ? 'Int64' : code;
  const kind = (test: Kind['test'], report: Kind['report']): Kind => ({ test, report, name: () => edm, any: false });
  if (code === 'Int64String') return kind(isInt64String, (c, path, value, _depth, source) => checkInt64String(c, path, value, source));
  if (code === 'Int64Either') return kind((value) => Number.isSafeInteger(value) || isInt64String(value), (c, path, value, _depth, source) => checkInt64Either(c, path, value, source));
  const shape = primitiveShapes[code];
  switch (shape.json) {
    case 'boolean':
      return kind((value) => typeof value === 'boolean', (c, path, value, _depth, source) => report(c, path, 'type', 'boolean', describe(value), source));
    case 'number': {
      const expected = `number (${code})`;
      return kind((value) => typeof value === 'number' && Number.isFinite(value), (c, path, value, _depth, source) => report(c, path, 'type', expected, describe(value), source));
    }
    case 'integer': {
      const [min, max] = shape.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      return kind((value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max, (c, path, value, _depth, source) => checkInteger(c, path, value, code, min, max, source));
    }
    case 'string': {
      const format = shape.format;
      if (format === undefined) return kind((value) => typeof value === 'string', (c, path, value, _depth, source) => checkString(c, path, value, code, undefined, source));
      const setting = settingOfFormat[format];
      const check = formats[format];
      return kind((value, _depth, settings) => typeof value === 'string' && (settings[setting] !== true || check(value)), (c, path, value, _depth, source) => checkString(c, path, value, code, format, source));
    }
    default: {
      const never: never = shape.json;
      return never;
    }
  }
}

/** Another type, compiled on first use. Objects are one level deeper than the object holding them. */
function refKind(table: Table): Kind {
  let type: ObjectType | EnumType | undefined;
  const resolved = () => (type ??= compile(table));
  return {
    test: (value, depth, settings) => {
      const target = resolved();
      // When the interpreter is in charge, an object's check would be the interpreter walking it once more.
      return target.kind === 'enum' ? target.check(value, depth, settings) : !settings.interpret && target.check(value, depth + 1, settings);
    },
    report: (c, path, value, depth, source) => {
      const target = resolved();
      if (target.kind === 'enum') checkEnum(c, path, value, target, source);
      else walkObject(c, path, value, target, depth + 1, source);
    },
    name: () => resolved().id,
    any: false,
  };
}

/** A collection: never null inside, every element of its element type; reports a non-array once. */
function collectionKind(element: Kind): Kind {
  return {
    test: element.any
      ? (value) => Array.isArray(value)
      : (value, depth, settings) => {
          if (!Array.isArray(value)) return false;
          for (let i = 0; i < value.length; i++) if (!element.test(value[i], depth, settings)) return false;
          return true;
        },
    report: (c, path, value, depth, source) => {
      if (!Array.isArray(value)) return report(c, path, 'type', `array (${element.name()})`, describe(value), source);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (!element.test(item, depth, c.settings)) element.report(c, `${path}/${i}`, item, depth, source);
      }
    },
    name: () => `Collection(${element.name()})`,
    any: false,
  };
}

const primitiveKinds = new Map<PrimitiveCode, Kind>();
const refKinds = new WeakMap<Table, Kind>();

function kindOf(data: TypeData): Kind {
  if (data === 0) return anyKind;
  if (typeof data === 'string') {
    let kind = primitiveKinds.get(data);
    if (kind === undefined) primitiveKinds.set(data, (kind = primitiveKind(data)));
    return kind;
  }
  if (typeof data === 'function') {
    let kind = refKinds.get(data);
    if (kind === undefined) refKinds.set(data, (kind = refKind(data)));
    return kind;
  }
  return collectionKind(kindOf(data[0]));
}

/** Reports a present property value if it fails its field: null per its nullability, else per its type. */
function checkField(c: Collector, path: string, value: unknown, field: Field, depth: number): void {
  if (value === null ? !field.nullable : !field.kind.test(value, depth, c.settings)) reportField(c, path, value, field, depth);
}

/** Reports a present property value known to fail its field. */
function reportField(c: Collector, path: string, value: unknown, field: Field, depth: number): void {
  if (value === null) report(c, path + field.segment, 'null', 'not null', 'null', field.source);
  else field.kind.report(c, path + field.segment, value, depth, field.source);
}

const compiled = new WeakMap<Table, ObjectType | EnumType>();

function compile(table: Table): ObjectType | EnumType {
  const known = compiled.get(table);
  if (known !== undefined) return known;
  const data = table();
  let type: ObjectType | EnumType;
  if ('members' in data) {
    type = { kind: 'enum', id: data.id, check: data.check, members: new Set(data.members), flags: data.flags === true, expected: undefined };
  } else {
    const base = data.base === undefined ? undefined : compile(data.base);
    const fields = new Map(base?.kind === 'object' ? base.fields : []);
    for (const [name, typeData, nullable, line, file] of data.properties) {
      const kind = kindOf(typeData);
      fields.set(name, { name, segment: `/${pointerSegment(name)}`, kind, nullable: nullable || kind.any, source: { file: file ?? data.file, line } });
    }
    const names = new Set([`#${data.id}`, data.id]);
    type = { kind: 'object', id: data.id, check: data.check, open: data.open === true, json: data.json === true, shape: data.shape, names, fields, fieldList: [...fields.values()], children: data.derived ?? [], derived: undefined };
  }
  compiled.set(table, type);
  return type;
}

function objectType(table: Table): ObjectType {
  const type = compile(table);
  if (type.kind !== 'object') throw new Error(`internal: ${type.id} is not an object type`);
  return type;
}

function derivedTypes(type: ObjectType): ReadonlyMap<string, ObjectType> {
  if (type.derived !== undefined) return type.derived;
  const map = new Map<string, ObjectType>();
  type.derived = map;
  for (const table of type.children) {
    const child = objectType(table);
    for (const name of child.names) map.set(name, child);
    for (const [name, grandchild] of derivedTypes(child)) map.set(name, grandchild);
  }
  return map;
}

/**
 * An object value: the `@odata.type` dispatch, then its properties. A plain
 * object, when the interpreter is not in charge, is read by the type's
 * generated shape, which lists every failing property (the same named reads
 * as the boolean check, and the cost of one straight-line pass); anything
 * else by its own enumerable keys, which also finds undocumented ones.
 */
function walkObject(c: Collector, path: string, value: unknown, type: ObjectType, depth: number, source: Source): void {
  const settings = c.settings;
  if (type.json) {
    if (value === null || value === undefined) report(c, path, 'type', `a JSON value (${type.id})`, describe(value), source);
    return;
  }
  if (!isObject(value)) return report(c, path, 'type', `object (${type.id})`, describe(value), source);
  if (depth > settings.maxDepth) return report(c, path, 'depth', String(settings.maxDepth), 'object', source);
  let target = type;
  const odataType = value['@odata.type'];
  if (odataType !== undefined && hasOwn.call(value, '@odata.type') && !(typeof odataType === 'string' && type.names.has(odataType))) {
    const derived = typeof odataType === 'string' ? derivedTypes(type).get(odataType) : undefined;
    if (derived === undefined) reportOdataType(c, path, odataType, type.id);
    else target = derived;
  }
  const plain = plainPrototype(value);
  if (target.shape !== undefined && plain && !settings.interpret) {
    // The shape records positions past the end of the shared list; walks of nested values push theirs further and
    // truncate back, so this object's stay in place until it is done with them.
    const failing = c.failing;
    const start = failing.length;
    target.shape(value, depth, settings, failing);
    const end = failing.length;
    for (let i = start; i < end; i++) {
      const field = target.fieldList[failing[i] as number];
      if (field !== undefined) reportField(c, path, value[field.name], field, depth);
    }
    // Popped, not truncated: setting `length` is a runtime call, popping is inlined.
    while (failing.length > start) failing.pop();
    return;
  }
  // for…in allocates nothing; it also yields inherited enumerable keys, which only an object that is not plain, or a
  // polluted Object.prototype, has.
  const own = settings.ownChecks || !plain;
  for (const key in value) {
    if (own && !hasOwn.call(value, key)) continue;
    const x = value[key];
    if (x === undefined) continue;
    const found = target.fields.get(key);
    if (found !== undefined) checkField(c, path, x, found, depth);
    else if (settings.unknownProperties && !target.open && !isControlKey(key)) report(c, `${path}/${pointerSegment(key)}`, 'unknown-property', target.id, quote(key), undefined);
  }
}

/* ------------------------------------------------------------------------ */
/* Entry points of the generated isX / validateX                            */
/* ------------------------------------------------------------------------ */

/** The boolean check, never throwing. */
export function guard(value: unknown, check: Check, options: ValidateOptions | undefined): boolean {
  try {
    return check(value, 0, settings(options));
  } catch {
    return false;
  }
}

/** Every issue: the boolean check first, the interpreter only when it fails. Never throws. */
export function validate(value: unknown, check: Check, table: Table, options: ValidateOptions | undefined): ValidationIssue[] {
  const resolved = settings(options);
  try {
    if (check(value, 0, resolved)) return [];
  } catch {
    // Reported by the walk below, which meets the same problem.
  }
  return collectIssues(value, table, resolved);
}

/** The interpreter's walk of a value the boolean check rejected. Never throws. */
export function collectIssues(value: unknown, table: Table, resolved: Settings): ValidationIssue[] {
  const collector: Collector = { settings: resolved, issues: [], failing: [] };
  try {
    const type = compile(table);
    if (type.kind === 'enum') checkEnum(collector, '', value, type, undefined);
    else walkObject(collector, '', value, type, 0, undefined);
  } catch (error) {
    report(collector, '', 'internal', 'no exception', error instanceof Error ? error.message : 'an exception', undefined);
  }
  if (collector.issues.length === 0) report(collector, '', 'internal', 'an issue', 'the boolean check failed but the walk found nothing', undefined);
  return collector.issues;
}
