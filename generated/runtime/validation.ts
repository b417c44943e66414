// Copied by graphdoc-codegen from generator/runtime/validation.ts. Do not edit by hand.

/**
 * Runtime support for generated validators: the issue shape and catalogue of
 * codes, options, format checks and the reporting helpers of the slow path.
 * Self-contained (imports nothing) because it is copied into the generated
 * output as `runtime/validation.ts`; generated code has no other runtime
 * dependency. Nothing here throws on any input and nothing reads a
 * prototype's properties as data.
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
  /** A property a closed type does not document; filter on this code to be forward compatible. */
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
  /** Properties a closed type does not document: `report` (default, code `unknown-property`) or `ignore`. */
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
   * enumerable properties of its own (polluted), and for objects with another
   * prototype (generated code checks that per object).
   */
  readonly ownChecks: boolean;
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
  unknownProperties: true,
  maxDepth: defaultMaxDepth,
  ownChecks: false,
};
const defaultStrictSettings: Settings = { ...defaultSettings, ownChecks: true };

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
  return {
    dateTime: formatSwitch(formats, 'date-time'),
    date: formatSwitch(formats, 'date'),
    time: formatSwitch(formats, 'time'),
    duration: formatSwitch(formats, 'duration'),
    uuid: formatSwitch(formats, 'uuid'),
    base64: formatSwitch(formats, 'base64'),
    unknownProperties: options.unknownProperties !== 'ignore',
    maxDepth: typeof depth === 'number' && depth >= 0 ? Math.min(Math.floor(depth), maxMaxDepth) : defaultMaxDepth,
    ownChecks,
  };
}

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
/* Fast-path helpers                                                         */
/* ------------------------------------------------------------------------ */

/** A check as generated code calls it: value, object depth, settings. */
export type Check = (value: unknown, depth: number, settings: Settings) => boolean;

/** Whether reads from this object need an own-property test: it is not a plain (or null-prototype) object, or the settings say so. */
export function needsOwnChecks(value: object, settings: Settings): boolean {
  if (settings.ownChecks) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype !== Object.prototype && prototype !== null;
}

/** A non-null, non-array object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OData control information and annotations: `@odata.context`, `prop@odata.nextLink`, `@x.y`, advertised operations `#ns.action`. */
export function isControlKey(key: string): boolean {
  return key.charCodeAt(0) === 35 /* # */ || key.indexOf('@') !== -1;
}

/** The object's own `@odata.type`, or undefined when it has none. */
export function odataType(value: Record<string, unknown>): unknown {
  const type = value['@odata.type'];
  return type !== undefined && Object.prototype.hasOwnProperty.call(value, '@odata.type') ? type : undefined;
}

/** Every own key with a defined value is documented (in `keys`) or control information. */
export function onlyKnownKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || value[key] === undefined) continue;
    if (!keys.has(key) && !isControlKey(key)) return false;
  }
  return true;
}

/** Every element passes `check` (a collection never holds null). */
export function arrayOf(value: unknown, check: Check, depth: number, settings: Settings): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i], depth, settings)) return false;
  return true;
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
/* Slow path: collecting every issue                                        */
/* ------------------------------------------------------------------------ */

export interface Collector {
  readonly settings: Settings;
  readonly issues: ValidationIssue[];
}

export type Source = { readonly file: string; readonly line: number } | undefined;

/** A collecting check as generated code calls it: value, JSON Pointer, depth, collector, the documented property's source. */
export type Collect = (value: unknown, path: string, depth: number, collector: Collector, source: Source) => void;

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

export function report(collector: Collector, path: string, code: IssueCode, expected: string, received: string, source: Source): void {
  const text = message(code, expected, received);
  // One object literal per shape (with or without `source`): no property added after creation.
  collector.issues.push(source === undefined ? { path, code, message: text, expected, received } : { path, code, message: text, expected, received, source });
}

/** Reports `null` (when not allowed); true when the value was null and nothing more is to be checked. */
export function checkNull(c: Collector, path: string, value: unknown, nullable: boolean, source: Source): boolean {
  if (value !== null) return false;
  if (!nullable) report(c, path, 'null', 'not null', 'null', source);
  return true;
}

/** An integer Edm type: kind, then range. */
export function checkInteger(c: Collector, path: string, value: unknown, edm: string, min: number, max: number, source: Source): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report(c, path, 'type', `integer (${edm})`, describe(value), source);
  } else if (value < min || value > max) {
    report(c, path, 'range', `${edm} [${min}, ${max}]`, describe(value), source);
  }
}

/** Int64 as a string (IEEE754Compatible). */
export function checkInt64String(c: Collector, path: string, value: unknown, source: Source): void {
  if (typeof value !== 'string') report(c, path, 'type', 'string (Int64)', describe(value), source);
  else if (!isInt64String(value)) report(c, path, 'format', 'Int64 string', describe(value), source);
}

/** Int64 as a number or a string. */
export function checkInt64Either(c: Collector, path: string, value: unknown, source: Source): void {
  if (typeof value === 'string') checkInt64String(c, path, value, source);
  else if (typeof value === 'number') checkInteger(c, path, value, 'Int64', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, source);
  else report(c, path, 'type', 'integer or string (Int64)', describe(value), source);
}

/** A floating-point Edm type (finite numbers only, as JSON carries them). */
export function checkNumber(c: Collector, path: string, value: unknown, edm: string, source: Source): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) report(c, path, 'type', `number (${edm})`, describe(value), source);
}

export function checkBoolean(c: Collector, path: string, value: unknown, source: Source): void {
  if (typeof value !== 'boolean') report(c, path, 'type', 'boolean', describe(value), source);
}

/** A string Edm type, with its format when it has one and the format check is on. */
export function checkString(c: Collector, path: string, value: unknown, edm: string, format: FormatName | undefined, source: Source): void {
  if (typeof value !== 'string') {
    report(c, path, 'type', edm === 'String' ? 'string' : `string (${edm})`, describe(value), source);
  } else if (format !== undefined && c.settings[settingOfFormat[format]] === true && !formats[format](value)) {
    report(c, path, 'format', `${edm} (${format})`, describe(value), source);
  }
}

/** `expected` of enum issues, made once per enum. */
const enumExpectations = new WeakMap<ReadonlySet<string>, string>();

/** A documented enum member, or for a flags enum a comma-separated list of members. */
export function checkEnum(c: Collector, path: string, value: unknown, name: string, members: ReadonlySet<string>, flags: boolean, source: Source): void {
  if (typeof value !== 'string') {
    report(c, path, 'type', `string (${name})`, describe(value), source);
    return;
  }
  if (flags ? isFlags(value, members) : members.has(value)) return;
  let expected = enumExpectations.get(members);
  if (expected === undefined) {
    const list = members.size <= 12 ? `${flags ? 'a comma-separated list of' : 'one of'} ${[...members].map((m) => JSON.stringify(m)).join(', ')}` : `${flags ? 'a comma-separated list of members' : 'a member'} of ${members.size}`;
    expected = `${list} (${name})`;
    enumExpectations.set(members, expected);
  }
  report(c, path, 'enum', expected, describe(value), source);
}

/** Every element of a collection; reports a non-array once. */
export function checkArray(c: Collector, path: string, value: unknown, element: Collect, depth: number, what: string, source: Source): void {
  if (!Array.isArray(value)) {
    report(c, path, 'type', `array (${what})`, describe(value), source);
    return;
  }
  for (let i = 0; i < value.length; i++) element(value[i], `${path}/${i}`, depth, c, source);
}

/** The object test at the head of an object's collecting check; true when the value is an object and not too deep. */
export function checkObject(c: Collector, path: string, value: unknown, name: string, depth: number, source: Source): value is Record<string, unknown> {
  if (!isObject(value)) {
    report(c, path, 'type', `object (${name})`, describe(value), source);
    return false;
  }
  if (depth > c.settings.maxDepth) {
    report(c, path, 'depth', String(c.settings.maxDepth), 'object', source);
    return false;
  }
  return true;
}

/** A value of the wrong JSON kind. */
export function reportType(c: Collector, path: string, expected: string, value: unknown, source: Source): void {
  report(c, path, 'type', expected, describe(value), source);
}

export function reportUnknownProperty(c: Collector, path: string, key: string, typeName: string): void {
  if (c.settings.unknownProperties) report(c, `${path}/${pointerSegment(key)}`, 'unknown-property', typeName, quote(key), undefined);
}

/** Reports every own key with a defined value that is neither documented (in `keys`) nor control information. */
export function reportUnknownKeys(c: Collector, path: string, value: Record<string, unknown>, keys: ReadonlySet<string>, typeName: string): void {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || value[key] === undefined) continue;
    if (!keys.has(key) && !isControlKey(key)) reportUnknownProperty(c, path, key, typeName);
  }
}

export function reportOdataType(c: Collector, path: string, value: unknown, typeName: string): void {
  if (typeof value !== 'string') report(c, `${path}/@odata.type`, 'type', 'string (@odata.type)', describe(value), undefined);
  else report(c, `${path}/@odata.type`, 'odata-type', typeName, quote(value), undefined);
}

/* ------------------------------------------------------------------------ */
/* Entry points the generated isX / validateX delegate to                   */
/* ------------------------------------------------------------------------ */

/** The boolean check, never throwing. */
export function guard(value: unknown, check: Check, options: ValidateOptions | undefined): boolean {
  try {
    return check(value, 0, settings(options));
  } catch {
    return false;
  }
}

/** Every issue: the boolean check first, the collecting walk only when it fails. Never throws. */
export function validate(value: unknown, check: Check, collect: Collect, options: ValidateOptions | undefined): ValidationIssue[] {
  const resolved = settings(options);
  try {
    if (check(value, 0, resolved)) return [];
  } catch {
    // Reported by the walk below, which meets the same problem.
  }
  return collectIssues(value, collect, resolved);
}

/**
 * The collecting walk of `validate`, once the boolean check has failed (generated `validateX` run that check
 * themselves, with a direct call V8 can inline, and then call this). Never throws.
 */
export function collectIssues(value: unknown, collect: Collect, resolved: Settings): ValidationIssue[] {
  const collector: Collector = { settings: resolved, issues: [] };
  try {
    collect(value, '', 0, collector, undefined);
  } catch (error) {
    report(collector, '', 'internal', 'no exception', error instanceof Error ? error.message : 'an exception', undefined);
  }
  if (collector.issues.length === 0) report(collector, '', 'internal', 'an issue', 'the boolean check failed but the walk found nothing', undefined);
  return collector.issues;
}
