// Copied by graphdoc-codegen from generator/runtime/validation.ts. Do not edit by hand.

/**
 * Runtime support for generated validators, copied into the generated output
 * as `runtime/validation.ts` (self-contained: it imports nothing). It holds
 * the issue shape and catalogue of codes, the options, the Edm primitives'
 * JSON shapes and format checks, and the one interpreter that collects every
 * issue: generated code emits, per type, a straight-line boolean check and a
 * data table (`Table`); `validateX` runs the check, which records what
 * fails instead of stopping, and only when it found something walks the
 * value with the tables. Nothing here throws on any input and
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

/**
 * A boolean check as generated code defines it: value, depth of the object
 * holding it, settings. An object type's check takes a list too, which it
 * hands to the type's own shape (`Shape`) when it runs it: it then records
 * the failing properties there and returns true. (`validate` passes one.)
 */
export type Check = (value: unknown, depth: number, settings: Settings, failed?: Failing) => boolean;

/** Where a generated shape records failing properties (position, then value), or null to stop at the first. */
export type Failing = unknown[] | null;

/**
 * A generated check of a plain object's properties, inherited ones included.
 * With `failed` null it returns at the first failing property; given a list,
 * it records there every failing property, its position (in the order of
 * the type's compiled fields) then its value, and goes on.
 */
export type Shape = (value: Record<string, unknown>, depth: number, settings: Settings, failed: Failing) => boolean;

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
  const collector: Collector = { settings, issues: null, failing: [] };
  walkObject(collector, '', value, objectType(table), depth, undefined);
  return collector.issues === null;
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

/** A failing property at `index`: true (stop) for a boolean check, else recorded with its value (go on). */
export function failed(list: Failing, index: number, value: unknown): boolean {
  if (list === null) return true;
  list.push(index, value);
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
  /** None yet: the first issue makes the list (an array grown from empty costs more than one made with an element). */
  issues: ValidationIssue[] | null;
  /** Failing properties as generated shapes record them (position, value); shared by the objects of one walk, a stack. */
  readonly failing: unknown[];
}

type Source = { readonly file: string; readonly line: number } | undefined;

/** Escapes one JSON Pointer segment: `~` → `~0`, `/` → `~1`. */
export function pointerSegment(key: string): string {
  return key.indexOf('~') === -1 && key.indexOf('/') === -1 ? key : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether `JSON.stringify` of the string is the string in double quotes: no controls, `"`, `\\` or surrogates. */
function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** `JSON.stringify` of a string; without its call when no character needs an escape. */
function quote(text: string): string {
  return plainText(text) ? '"' + text + '"' : JSON.stringify(text);
}

/**
 * A short description of a value for `received`: its JSON kind, and
 * primitives as JSON. Made for every issue: `typeof` tests rather than a
 * switch on `typeof` (about a tenth faster on invalid payloads, measured),
 * joined with `+` and constants.
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > 60 ? value.slice(0, 57) + '...' : value;
    return plainText(text) ? 'string "' + text + '"' : 'string ' + JSON.stringify(text);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? 'number ' + value : 'number ' + value + ' (not JSON)';
  if (typeof value === 'boolean') return value ? 'boolean true' : 'boolean false';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * The fixed texts of an issue: its code, `expected`, and its message around
 * `received` (`before` + received + `after`; `before` alone when the message
 * does not show the value). Made once per kind of check and reused, so that
 * an issue costs one or two string joins.
 */
interface IssueText {
  readonly code: IssueCode;
  readonly expected: string;
  readonly before: string;
  readonly after: string;
  readonly showsReceived: boolean;
}

/** The one place messages are made: one per code. */
function issueText(code: IssueCode, expected: string): IssueText {
  const text = (before: string, after: string, showsReceived = true): IssueText => ({ code, expected, before, after, showsReceived });
  switch (code) {
    case 'type':
      return text(`expected ${expected}, received `, '');
    case 'null':
      return text('null is not allowed: the property is documented as not nullable', '', false);
    case 'range':
      return text('', ` is out of range for ${expected}`);
    case 'format':
      return text('', ` is not a valid ${expected}`);
    case 'enum':
      return text('', ` is not ${expected}`);
    case 'unknown-property':
      return text('property ', ` is not documented for ${expected}`);
    case 'odata-type':
      return text('@odata.type ', ` is neither ${expected} nor derived from it`);
    case 'depth':
      return text(`nesting deeper than ${expected} objects is not checked`, '', false);
    case 'internal':
      return text('the validator failed: ', '');
    default: {
      const never: never = code;
      return text(String(never), '');
    }
  }
}

function report(collector: Collector, path: string, text: IssueText, received: string, source: Source): void {
  const message = text.showsReceived ? text.before + received + text.after : text.before;
  const { code, expected } = text;
  // One object literal per shape (with or without `source`): no property added after creation.
  const issue: ValidationIssue = source === undefined ? { path, code, message, expected, received } : { path, code, message, expected, received, source };
  if (collector.issues === null) collector.issues = [issue];
  else collector.issues.push(issue);
}

const nullText = issueText('null', 'not null');
const odataTypeText = issueText('type', 'string (@odata.type)');
const int64Texts = {
  integer: issueText('type', 'integer (Int64)'),
  range: issueText('range', `Int64 [${Number.MIN_SAFE_INTEGER}, ${Number.MAX_SAFE_INTEGER}]`),
  string: issueText('type', 'string (Int64)'),
  format: issueText('format', 'Int64 string'),
  either: issueText('type', 'integer or string (Int64)'),
};

/** A documented enum member, or for a flags enum a comma-separated list of members; any string for an enum without members. */
function checkEnum(c: Collector, path: string, value: unknown, type: EnumType, source: Source): void {
  if (typeof value !== 'string') return report(c, path, type.typeText, describe(value), source);
  if (type.members.size === 0 || (type.flags ? isFlags(value, type.members) : type.members.has(value))) return;
  if (type.enumText === undefined) {
    const list = type.members.size <= 12 ? `${type.flags ? 'a comma-separated list of' : 'one of'} ${[...type.members].map((m) => JSON.stringify(m)).join(', ')}` : `${type.flags ? 'a comma-separated list of members' : 'a member'} of ${type.members.size}`;
    type.enumText = issueText('enum', `${list} (${type.id})`);
  }
  report(c, path, type.enumText, describe(value), source);
}

function reportOdataType(c: Collector, path: string, value: unknown, type: ObjectType): void {
  if (typeof value !== 'string') report(c, `${path}/@odata.type`, odataTypeText, describe(value), undefined);
  else report(c, `${path}/@odata.type`, type.odataText, quote(value), undefined);
}

/* ------------------------------------------------------------------------ */
/* The interpreter: tables compiled on first use, then walked               */
/* ------------------------------------------------------------------------ */

/**
 * A type as the interpreter uses it, made once from its table data: a small
 * tagged record that `passes` (the test, no reporting) and `reportKind` (what
 * keeps a value from passing, called only once the test has failed) switch
 * on. One record shape for every kind, so that the interpreter's reads stay
 * monomorphic however many types a program validates. `depth` is that of the
 * object holding the value.
 */
type KindTag = 'any' | 'boolean' | 'number' | 'integer' | 'string' | 'formatted' | 'int64String' | 'int64Either' | 'ref' | 'collection';

interface Kind {
  readonly tag: KindTag;
  /** A primitive's Edm name (Int64 for both string forms); '' otherwise. */
  readonly edm: string;
  /** The texts of a `type` issue (the wrong JSON kind); for a reference or a collection made on first report. */
  typeText: IssueText | undefined;
  /** A primitive's second issue: an integer's `range`, a formatted string's `format`. */
  readonly valueText: IssueText | undefined;
  /** An integer's range. */
  readonly min: number;
  readonly max: number;
  readonly format: FormatName | undefined;
  /** A collection's element. */
  readonly element: Kind | undefined;
  /** A reference's table, and the type compiled from it on first use. */
  readonly table: Table | undefined;
  target: ObjectType | EnumType | undefined;
}

/** Every kind is made here, with every field in the same order. */
function makeKind(tag: KindTag, edm: string, typeText: IssueText | undefined, valueText: IssueText | undefined, range: readonly [number, number], format: FormatName | undefined, element: Kind | undefined, table: Table | undefined): Kind {
  return { tag, edm, typeText, valueText, min: range[0], max: range[1], format, element, table, target: undefined };
}

/** A property as the interpreter uses it. */
interface Field {
  readonly name: string;
  /** `/name`, escaped as a JSON Pointer segment. */
  readonly segment: string;
  /** Its type. */
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
  /** `#ns.name`, the `@odata.type` spelling Graph sends. */
  readonly hashName: string;
  /** The `@odata.type` spellings of the type itself. */
  readonly names: ReadonlySet<string>;
  /** Every property, inherited ones included (base first, a redefined one in its base's place), by name. */
  readonly fields: ReadonlyMap<string, Field>;
  /** The same, by position, as generated shapes record failing properties. */
  readonly fieldList: readonly Field[];
  readonly children: readonly Table[];
  /** Every type deriving from it, by `@odata.type` spelling; built on first use. */
  derived: ReadonlyMap<string, ObjectType> | undefined;
  /** Texts of its issues: not an object, not a JSON value (a Json type), an `@odata.type` it does not know, an undocumented property. */
  readonly objectText: IssueText;
  readonly jsonText: IssueText;
  readonly odataText: IssueText;
  readonly unknownText: IssueText;
}

interface EnumType {
  readonly kind: 'enum';
  readonly id: string;
  readonly check: Check;
  readonly members: ReadonlySet<string>;
  readonly flags: boolean;
  /** A value that is not a string. */
  readonly typeText: IssueText;
  /** A string that is not a member; made on first use. */
  enumText: IssueText | undefined;
}

const noRange: readonly [number, number] = [0, 0];
const anyKind: Kind = makeKind('any', '', undefined, undefined, noRange, undefined, undefined, undefined);

/** A primitive's kind (the same rule as the generated checks'), with its texts made once. */
function primitiveKind(code: PrimitiveCode): Kind {
  const primitive = (tag: KindTag, edm: string, typeExpected: string, valueText?: IssueText, range = noRange, format?: FormatName) =>
    makeKind(tag, edm, issueText('type', typeExpected), valueText, range, format, undefined, undefined);
  if (code === 'Int64String') return primitive('int64String', 'Int64', 'string (Int64)', int64Texts.format);
  if (code === 'Int64Either') return primitive('int64Either', 'Int64', 'integer or string (Int64)');
  const shape = primitiveShapes[code];
  switch (shape.json) {
    case 'boolean':
      return primitive('boolean', code, 'boolean');
    case 'number':
      return primitive('number', code, `number (${code})`);
    case 'integer': {
      const [min, max] = shape.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      return primitive('integer', code, `integer (${code})`, issueText('range', `${code} [${min}, ${max}]`), [min, max]);
    }
    case 'string': {
      const typeExpected = code === 'String' ? 'string' : `string (${code})`;
      const format = shape.format;
      if (format === undefined) return primitive('string', code, typeExpected);
      return primitive('formatted', code, typeExpected, issueText('format', `${code} (${format})`), noRange, format);
    }
    default: {
      const never: never = shape.json;
      return never;
    }
  }
}

/** The type a reference names, compiled on first use. */
function target(kind: Kind): ObjectType | EnumType {
  return (kind.target ??= compile(kind.table as Table));
}

/** The type as the docs name it, for a collection's `expected`. */
function kindName(kind: Kind): string {
  switch (kind.tag) {
    case 'any':
      return 'unknown';
    case 'ref':
      return target(kind).id;
    case 'collection':
      return `Collection(${kindName(kind.element as Kind)})`;
    default:
      return kind.edm;
  }
}

/** Whether a format check applies to the string and passes. */
function formatPasses(format: FormatName, text: string, settings: Settings): boolean {
  return settings[settingOfFormat[format]] !== true || formats[format](text);
}

/** Whether a value (never null here) passes its kind: the rule of the generated checks, without reporting. */
function passes(kind: Kind, value: unknown, depth: number, settings: Settings): boolean {
  switch (kind.tag) {
    case 'any':
      return true;
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max;
    case 'string':
      return typeof value === 'string';
    case 'formatted':
      return typeof value === 'string' && formatPasses(kind.format as FormatName, value, settings);
    case 'int64String':
      return isInt64String(value);
    case 'int64Either':
      return Number.isSafeInteger(value) || isInt64String(value);
    case 'ref': {
      const type = target(kind);
      // When the interpreter is in charge, an object's check would be the interpreter walking it once more.
      return type.kind === 'enum' ? type.check(value, depth, settings) : !settings.interpret && type.check(value, depth + 1, settings);
    }
    case 'collection': {
      if (!Array.isArray(value)) return false;
      const element = kind.element as Kind;
      if (element.tag === 'any') return true;
      for (let i = 0; i < value.length; i++) if (!passes(element, value[i], depth, settings)) return false;
      return true;
    }
    default: {
      const never: never = kind.tag;
      return never;
    }
  }
}

/** Reports what keeps a value (never null here) from passing its kind; for a reference or a collection, what keeps its parts from passing. */
function reportKind(c: Collector, path: string, value: unknown, kind: Kind, depth: number, source: Source): void {
  switch (kind.tag) {
    case 'any':
      return;
    case 'boolean':
    case 'number':
    case 'string':
      return report(c, path, kind.typeText as IssueText, describe(value), source);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) report(c, path, kind.typeText as IssueText, describe(value), source);
      else if (value < kind.min || value > kind.max) report(c, path, kind.valueText as IssueText, describe(value), source);
      return;
    case 'formatted':
      if (typeof value !== 'string') report(c, path, kind.typeText as IssueText, describe(value), source);
      else if (!formatPasses(kind.format as FormatName, value, c.settings)) report(c, path, kind.valueText as IssueText, describe(value), source);
      return;
    case 'int64String':
      if (typeof value !== 'string') report(c, path, int64Texts.string, describe(value), source);
      else if (!isInt64String(value)) report(c, path, int64Texts.format, describe(value), source);
      return;
    case 'int64Either':
      if (typeof value === 'string') {
        if (!isInt64String(value)) report(c, path, int64Texts.format, describe(value), source);
      } else if (typeof value === 'number') {
        if (!Number.isInteger(value)) report(c, path, int64Texts.integer, describe(value), source);
        else if (!Number.isSafeInteger(value)) report(c, path, int64Texts.range, describe(value), source);
      } else report(c, path, int64Texts.either, describe(value), source);
      return;
    case 'ref': {
      const type = target(kind);
      if (type.kind === 'enum') checkEnum(c, path, value, type, source);
      else walkObject(c, path, value, type, depth + 1, source);
      return;
    }
    case 'collection': {
      if (!Array.isArray(value)) {
        kind.typeText ??= issueText('type', `array (${kindName(kind.element as Kind)})`);
        return report(c, path, kind.typeText, describe(value), source);
      }
      const element = kind.element as Kind;
      const settings = c.settings;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (!passes(element, item, depth, settings)) reportKind(c, path + '/' + i, item, element, depth, source);
      }
      return;
    }
    default: {
      const never: never = kind.tag;
      return never;
    }
  }
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
    if (kind === undefined) refKinds.set(data, (kind = makeKind('ref', '', undefined, undefined, noRange, undefined, undefined, data)));
    return kind;
  }
  return makeKind('collection', '', undefined, undefined, noRange, undefined, kindOf(data[0]), undefined);
}

/** Reports a present property value if it fails its field: null per its nullability, else per its type. */
function checkField(c: Collector, path: string, value: unknown, field: Field, depth: number): void {
  if (value === null ? field.nullable : passes(field.kind, value, depth, c.settings)) return;
  reportField(c, path, value, field, depth);
}

/** Reports a present property value known to fail its field. */
function reportField(c: Collector, path: string, value: unknown, field: Field, depth: number): void {
  if (value === null) report(c, path + field.segment, nullText, 'null', field.source);
  else reportKind(c, path + field.segment, value, field.kind, depth, field.source);
}

const compiled = new WeakMap<Table, ObjectType | EnumType>();

function compile(table: Table): ObjectType | EnumType {
  const known = compiled.get(table);
  if (known !== undefined) return known;
  const data = table();
  let type: ObjectType | EnumType;
  if ('members' in data) {
    type = { kind: 'enum', id: data.id, check: data.check, members: new Set(data.members), flags: data.flags === true, typeText: issueText('type', `string (${data.id})`), enumText: undefined };
  } else {
    const base = data.base === undefined ? undefined : compile(data.base);
    const fields = new Map(base?.kind === 'object' ? base.fields : []);
    for (const [name, typeData, nullable, line, file] of data.properties) {
      const kind = kindOf(typeData);
      fields.set(name, { name, segment: `/${pointerSegment(name)}`, kind, nullable: nullable || kind.tag === 'any', source: { file: file ?? data.file, line } });
    }
    const id = data.id;
    type = {
      kind: 'object',
      id,
      check: data.check,
      open: data.open === true,
      json: data.json === true,
      shape: data.shape,
      hashName: `#${id}`,
      names: new Set([`#${id}`, id]),
      fields,
      fieldList: [...fields.values()],
      children: data.derived ?? [],
      derived: undefined,
      objectText: issueText('type', `object (${id})`),
      jsonText: issueText('type', `a JSON value (${id})`),
      odataText: issueText('odata-type', id),
      unknownText: issueText('unknown-property', id),
    };
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
    if (value === null || value === undefined) report(c, path, type.jsonText, describe(value), source);
    return;
  }
  if (!isObject(value)) return report(c, path, type.objectText, describe(value), source);
  if (depth > settings.maxDepth) return report(c, path, issueText('depth', String(settings.maxDepth)), 'object', source);
  let target = type;
  const odataType = value['@odata.type'];
  // `#ns.name` first: the spelling Graph sends, one comparison.
  if (odataType !== undefined && odataType !== type.hashName && hasOwn.call(value, '@odata.type') && !(typeof odataType === 'string' && type.names.has(odataType))) {
    const derived = typeof odataType === 'string' ? derivedTypes(type).get(odataType) : undefined;
    if (derived === undefined) reportOdataType(c, path, odataType, type);
    else target = derived;
  }
  const plain = plainPrototype(value);
  if (target.shape !== undefined && plain && !settings.interpret) {
    // The shape records past the end of the shared list; walks of nested values push theirs further and truncate
    // back, so this object's stay in place until it is done with them.
    const start = c.failing.length;
    target.shape(value, depth, settings, c.failing);
    return reportFailing(c, path, target, depth, start);
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
    else if (settings.unknownProperties && !target.open && !isControlKey(key)) report(c, `${path}/${pointerSegment(key)}`, target.unknownText, quote(key), undefined);
  }
}

/** Reports the failing properties the type's shape recorded in `c.failing` from `start` on (position, value), then drops them. */
function reportFailing(c: Collector, path: string, type: ObjectType, depth: number, start: number): void {
  const failing = c.failing;
  const end = failing.length;
  for (let i = start; i < end; i += 2) {
    const field = type.fieldList[failing[i] as number];
    if (field === undefined) continue;
    const value = failing[i + 1];
    if (value === null) report(c, path + field.segment, nullText, 'null', field.source);
    else reportKind(c, path + field.segment, value, field.kind, depth, field.source);
  }
  // Popped, not truncated: setting `length` is a runtime call, popping is inlined.
  while (failing.length > start) failing.pop();
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

/**
 * The list the boolean check records failing properties in for `validate`:
 * one for the module, used as a stack (each use pushes past what is there and
 * pops back to where it started), so that validating allocates no list.
 */
const recordedList: unknown[] = [];

/**
 * Every issue. The boolean check runs first, given a list: when it reads the
 * value with the type's own shape, it goes on past a failing property and
 * records each there, so that a valid value costs one check and an invalid
 * one a single pass over its properties, which the walk then reports from
 * (nested objects it walks itself). When the check answers false instead
 * (it handed the value to the interpreter or to a derived type's check) or
 * throws, the walk starts afresh. Never throws.
 */
export function validate(value: unknown, check: Check, table: Table, options: ValidateOptions | undefined): ValidationIssue[] {
  const resolved = settings(options);
  const recorded = recordedList;
  const start = recorded.length;
  let passed = false;
  try {
    passed = check(value, 0, resolved, recorded);
  } catch {
    // Reported by the walk below, which meets the same problem.
  }
  if (passed && recorded.length === start) return [];
  const issues = walkIssues(value, table, resolved, recorded, passed ? start : -1);
  // Back to where this call started (the walk pops what it reports; an exception may leave more).
  while (recorded.length > start) recorded.pop();
  return issues;
}

/** The interpreter's walk of a value the boolean check rejected. Never throws. */
export function collectIssues(value: unknown, table: Table, resolved: Settings): ValidationIssue[] {
  return walkIssues(value, table, resolved, [], -1);
}

/** The table the walk compiled last, and its type: a validator called over and over skips the WeakMap lookup. */
let lastTable: Table | undefined;
let lastType: ObjectType | EnumType | undefined;

/**
 * The walk. With `recorded` at or past 0, `failing` holds from there what
 * the top-level object's own shape recorded (its type's, with no
 * `@odata.type` dispatch, on a plain object): those properties are reported
 * without reading the object again.
 */
function walkIssues(value: unknown, table: Table, resolved: Settings, failing: unknown[], recorded: number): ValidationIssue[] {
  const collector: Collector = { settings: resolved, issues: null, failing };
  try {
    let type = lastType;
    if (table !== lastTable || type === undefined) {
      type = compile(table);
      lastTable = table;
      lastType = type;
    }
    if (type.kind === 'enum') checkEnum(collector, '', value, type, undefined);
    else if (recorded >= 0) reportFailing(collector, '', type, 0, recorded);
    else walkObject(collector, '', value, type, 0, undefined);
  } catch (error) {
    report(collector, '', issueText('internal', 'no exception'), error instanceof Error ? error.message : 'an exception', undefined);
  }
  if (collector.issues === null) report(collector, '', issueText('internal', 'an issue'), 'the boolean check failed but the walk found nothing', undefined);
  return collector.issues ?? [];
}
