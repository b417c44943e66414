/**
 * The type-mapping policy, shared by every emitter (types, validators, JSON
 * Schema) so that they agree: which TypeScript type an Edm primitive becomes,
 * and when a property admits null.
 */
import type { EdmPrimitive, Property } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { primitiveShapes as runtimePrimitiveShapes, type PrimitiveShape } from '../runtime/validation.js';

/** The JSON shape of each Edm primitive: one table, in the runtime, which generated checks, the interpreter and the JSON Schema follow. */
export const primitiveShapes: Readonly<Record<EdmPrimitive, PrimitiveShape>> = runtimePrimitiveShapes;
export type { PrimitiveShape };

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
