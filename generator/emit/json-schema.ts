/**
 * JSON Schema (2020-12) output, one file per namespace (`<ns>.schema.json`)
 * with a `$defs` entry per declaration, named as the docs name it. The schemas
 * say what the generated validators check under their default options, from
 * the same policy (`policy.ts`) and the same model facts:
 *
 * - `$defs/<name>.shape` lists every property an object has, inherited ones
 *   included. Other properties are accepted, as the validators accept them by
 *   default (the service may add properties at any time).
 * - `$defs/<name>` adds the `@odata.type` dispatch: a payload naming a
 *   derived type is checked against that type's shape; naming any other type
 *   fails.
 * - Formats: `date-time`, `date`, `duration` and `uuid` use `format` (register
 *   the runtime's `formats` with a validator for the exact Edm rules);
 *   TimeOfDay and Binary use a `pattern`, since JSON Schema's `time` requires
 *   an offset and it has no base64 format.
 *
 * Built from the validation plan, as the validators are; plain data printed
 * with JSON.stringify, which escapes every piece of doc text.
 */
import type { EdmPrimitive } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import type { OutputPaths } from './paths.js';
import { odataTypeNames, type DeclarationPlan, type EnumPlan, type ObjectPlan, type PlanProperty, type PlanType, type ValidationPlan } from './plan.js';
import { primitiveShapes } from './policy.js';

type Schema = { readonly [keyword: string]: unknown };

export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/** The file name of a namespace's schema, also its `$id` (relative: resolve it against where you publish). */
export function jsonSchemaFileName(namespace: string, stem: (namespace: string) => string): string {
  return `${stem(namespace)}.schema.json`;
}

/** `$defs` key of an object's property list (no doc name contains a dot). */
const shapeKey = (name: string) => `${name}.shape`;

/** Base64 or base64url, padded or not; the same rule as the runtime's `isBase64`. */
export const base64Pattern = '^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$';
/** Edm.TimeOfDay, as the runtime's `isTimeOfDay`. */
export const timeOfDayPattern = '^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?$';
export const int64StringPattern = '^-?(?:0|[1-9][0-9]{0,18})$';

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

interface SchemaContext {
  readonly plan: ValidationPlan;
  readonly options: EmitOptions;
  /** `$ref` to a declaration's def (or its shape) from the current namespace's file. */
  readonly ref: (declaration: DeclarationPlan, shape?: boolean) => string;
}

function primitiveSchema(name: EdmPrimitive, options: EmitOptions): Schema {
  const shape = primitiveShapes[name];
  if (name === 'Int64' && options.int64Mapping === 'string') return { type: 'string', pattern: int64StringPattern };
  if (name === 'Int64' && options.int64Mapping === 'number-or-string') {
    return { anyOf: [{ type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }, { type: 'string', pattern: int64StringPattern }] };
  }
  switch (shape.json) {
    case 'integer': {
      const [minimum, maximum] = shape.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      return { type: 'integer', minimum, maximum };
    }
    case 'number':
    case 'boolean':
      return { type: shape.json };
    case 'string':
      switch (shape.format) {
        case undefined:
          return { type: 'string' };
        case 'time':
          return { type: 'string', pattern: timeOfDayPattern };
        case 'base64':
          return { type: 'string', contentEncoding: 'base64', pattern: base64Pattern };
        default:
          return { type: 'string', format: shape.format };
      }
    default: {
      const never: never = shape.json;
      throw new Error(`internal: unhandled JSON kind ${String(never)}`);
    }
  }
}

function typeSchema(type: PlanType, context: SchemaContext): Schema {
  switch (type.kind) {
    case 'primitive':
      return primitiveSchema(type.edm, context.options);
    case 'ref': {
      const target = context.plan.byId.get(type.id);
      return target ? { $ref: context.ref(target) } : {};
    }
    case 'collection':
      return { type: 'array', items: typeSchema(type.element, context) };
    case 'any':
      return {};
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

/** A property's schema: its type, admitting null per the policy. */
function propertySchema(property: PlanProperty, context: SchemaContext): Schema {
  const schema = typeSchema(property.type, context);
  const described = { ...(property.description ? { description: property.description } : {}), $comment: `Source: ${property.origin.file}:${property.origin.line}` };
  if (Object.keys(schema).length === 0 || !property.nullable) return { ...described, ...schema };
  if (typeof schema['type'] === 'string' && schema['anyOf'] === undefined) return { ...described, ...schema, type: [schema['type'], 'null'] };
  return { ...described, anyOf: [schema, { type: 'null' }] };
}

function enumSchema(declaration: EnumPlan): Schema {
  const described = { description: declaration.description || undefined, $comment: `Source: ${declaration.origin.file}:${declaration.origin.line}` };
  if (declaration.members.length === 0) return { ...described, type: 'string' };
  if (!declaration.flags) return { ...described, type: 'string', enum: [...declaration.members] };
  const member = `(?:${declaration.members.map((m) => escapeRegExp(m)).join('|')})`;
  return { ...described, type: 'string', pattern: `^\\s*${member}\\s*(?:,\\s*${member}\\s*)*$` };
}

function shapeSchema(declaration: ObjectPlan, context: SchemaContext): Schema {
  // fromEntries defines own properties, so a property named `__proto__` stays a property.
  return { type: 'object', properties: Object.fromEntries(declaration.properties.map((p) => [p.name, propertySchema(p, context)])) };
}

/** The dispatching def: `@odata.type`, when present, names the type or a derived one, whose shape then applies. */
function objectSchema(declaration: ObjectPlan, context: SchemaContext): Schema {
  const described = { description: declaration.description || undefined, $comment: `Source: ${declaration.origin.file}:${declaration.origin.line}` };
  if (declaration.json) return { ...described, not: { type: 'null' } };
  const derived = declaration.descendants.map((id) => context.plan.byId.get(id)).filter((d) => d !== undefined);
  const own = odataTypeNames(declaration.id);
  const accepted = [...own, ...declaration.descendants.flatMap((id) => odataTypeNames(id))];
  const odataType = { properties: { '@odata.type': { enum: accepted } } };
  if (derived.length === 0) return { ...described, type: 'object', ...odataType, $ref: context.ref(declaration, true) };
  const branches = [declaration, ...derived].map((d) => ({
    if: { type: 'object', properties: { '@odata.type': { enum: odataTypeNames(d.id) } } },
    then: { $ref: context.ref(d, true) },
  }));
  return {
    ...described,
    type: 'object',
    ...odataType,
    if: { type: 'object', properties: { '@odata.type': true }, required: ['@odata.type'] },
    then: { allOf: branches },
    else: { $ref: context.ref(declaration, true) },
  };
}

/** Drops undefined members so that the JSON has no `null`s for absent keywords. */
function clean(schema: Schema): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

/** Every namespace's schema file, by output path. */
export function emitJsonSchemaFiles(plan: ValidationPlan, options: EmitOptions, paths: OutputPaths): Map<string, string> {
  const groups = new Map<string, DeclarationPlan[]>();
  for (const declaration of plan.declarations) {
    const list = groups.get(declaration.namespace) ?? [];
    list.push(declaration);
    groups.set(declaration.namespace, list);
  }
  const files = new Map<string, string>();
  for (const [namespace, declarations] of groups) {
    const context: SchemaContext = {
      plan,
      options,
      ref: (declaration, shape = false) => {
        const pointer = `#/$defs/${(shape ? shapeKey(declaration.name) : declaration.name).replace(/~/g, '~0').replace(/\//g, '~1')}`;
        return declaration.namespace === namespace ? pointer : `${paths.schema(declaration.namespace)}${pointer}`;
      },
    };
    const defs: [string, Schema][] = [];
    const sorted = [...declarations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const declaration of sorted) {
      if (declaration.kind === 'enum') {
        defs.push([declaration.name, clean(enumSchema(declaration))]);
      } else {
        defs.push([declaration.name, clean(objectSchema(declaration, context))]);
        if (!declaration.json) defs.push([shapeKey(declaration.name), shapeSchema(declaration, context)]);
      }
    }
    const document = {
      $schema: jsonSchemaDialect,
      $id: paths.schema(namespace),
      title: `Namespace ${namespace}`,
      $comment: 'Generated by graphdoc-codegen. Do not edit by hand: edit the Markdown pages and run `graphdoc generate`.',
      $defs: Object.fromEntries(defs),
    };
    files.set(paths.schema(namespace), `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}
