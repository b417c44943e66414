/**
 * The type-mapping policy, shared by every emitter (types, validators, JSON
 * Schema) so that they agree: which TypeScript type an Edm primitive becomes,
 * and when a property admits null.
 */
import type { EdmPrimitive, Property } from '../model/ir.js';
import type { EmitOptions } from '../options.js';

/** The JSON kind an Edm primitive is carried as, and its format when it has one. */
export interface PrimitiveShape {
  readonly json: 'string' | 'number' | 'integer' | 'boolean';
  /** Format checked on strings: ISO 8601 date-time, date, time, duration; GUID; base64. */
  readonly format?: 'date-time' | 'date' | 'time' | 'duration' | 'uuid' | 'base64';
  /** Inclusive integer range for integer types. */
  readonly range?: readonly [number, number];
}

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

const brandedFormats: Readonly<Partial<Record<EdmPrimitive, string>>> = {
  Date: 'date',
  DateTimeOffset: 'date-time',
  Duration: 'duration',
  TimeOfDay: 'time',
};

/** The TypeScript type of an Edm primitive under the options. */
export function primitiveTypeScript(name: EdmPrimitive, options: EmitOptions): string {
  if (name === 'Int64') {
    if (options.int64Mapping === 'string') return 'string';
    if (options.int64Mapping === 'number-or-string') return 'number | string';
    return 'number';
  }
  const brand = brandedFormats[name];
  if (brand && options.dateMapping === 'branded') return `string & { readonly __format?: '${brand}' }`;
  const shape = primitiveShapes[name];
  return shape.json === 'integer' ? 'number' : shape.json;
}

/**
 * Does the property admit null under the options? Under `documented`, unless
 * its description says "not nullable". Collections follow the same rule: the
 * docs mark the collections that are never null ("Not nullable"), and the
 * service does send `null` for the others (the docs' own examples show it).
 */
export function isNullable(property: Property, options: EmitOptions): boolean {
  if (options.nullability === 'never') return false;
  if (options.nullability === 'always') return true;
  return property.facets.nullable !== false;
}
