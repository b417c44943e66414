/**
 * Validator structures: for every declaration X, `isX` (the boolean check)
 * and `validateX` (every issue, as JSON Pointers), one module per namespace
 * beside the types. Each check exists twice, generated from the same rules:
 * a fast boolean walk (`$iX` → `$sX`) and a collecting walk (`$vX` → `$wX`)
 * that runs only when the fast one fails (typia's ValidateProgrammer).
 *
 * The rules per constraint kind are in `constraintRules` below; the codes and
 * messages of the issues they raise are owned by the runtime helpers they
 * call (`generator/runtime/validation.ts`, copied into the output). Nullability
 * and primitive mapping come from `policy.ts`, as for the types. Every
 * identifier comes from `validatorNames`; every piece of doc text goes
 * through `escape.ts`.
 */
import { StructureKind, type FunctionDeclarationStructure, type OptionalKind, type ParameterDeclarationStructure } from 'ts-morph';
import type { Declaration, EdmPrimitive, EnumDeclaration, ObjectDeclaration, Property, TypeExpr } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { pointerSegment } from '../runtime/validation.js';
import { commentText, identifier, stringLiteral } from './escape.js';
import { isNullable, primitiveShapes } from './policy.js';

/* ------------------------------------------------------------------------ */
/* Names: the one registry of generated identifiers                          */
/* ------------------------------------------------------------------------ */

/**
 * Identifiers for one declaration's validators. Public names are `is` /
 * `validate` + the type name (type names start with an upper-case letter or
 * `_`, so these never clash with types). Internal names start with `$` and a
 * lower-case letter that no other kind uses.
 */
export interface ValidatorNames {
  readonly is: string;
  readonly validate: string;
  /** Fast check, with @odata.type dispatch: `(value, depth, settings) => boolean`. */
  readonly fast: string;
  /** Fast check of an object's properties (no dispatch). */
  readonly fastShape: string;
  /** Collecting check, with dispatch: `(value, path, depth, collector, source) => void`. */
  readonly collect: string;
  /** Collecting check of an object's properties. */
  readonly collectShape: string;
  /** Lazily built table of derived types: type name → [fastShape, collectShape]. */
  readonly derived: string;
  readonly derivedCache: string;
  /** Set of enum members. */
  readonly members: string;
  /** Set of an object's documented property names. */
  readonly keys: string;
  /** The nth chunk of a big object's fast property checks, and of its collecting ones. */
  readonly fastChunk: (index: number) => string;
  readonly collectChunk: (index: number) => string;
}

export function validatorNames(typeName: string): ValidatorNames {
  const name = identifier(typeName);
  return {
    is: identifier(`is${name}`),
    validate: identifier(`validate${name}`),
    fast: `$i${name}`,
    fastShape: `$s${name}`,
    collect: `$v${name}`,
    collectShape: `$w${name}`,
    derived: `$d${name}`,
    derivedCache: `$c${name}`,
    members: `$m${name}`,
    keys: `$k${name}`,
    // Type names never start with a digit, so `$p<n><Name>` is unambiguous.
    fastChunk: (index) => `$p${index}${name}`,
    collectChunk: (index) => `$q${index}${name}`,
  };
}

/** Module-level names that are not per declaration. */
export const moduleNames = {
  runtime: '$rt',
  /** Import alias of another namespace's validators module. */
  namespace: (alias: string) => identifier(`$n_${alias}`),
  /** Helper check functions for collection elements, numbered per module. */
  helper: (index: number) => `$h${index}`,
  /** Source constants, numbered per module. */
  source: (index: number) => `$o${index}`,
} as const;

/** The public names a namespace's validators module exports, sorted like the declarations. */
export function publicValidatorNames(declarations: readonly Declaration[], typeNames: Readonly<Record<string, string>>): string[] {
  return declarations
    .map((d) => typeNames[d.id] ?? '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((name) => {
      const names = validatorNames(name);
      return [names.is, names.validate];
    });
}

/* ------------------------------------------------------------------------ */
/* Context                                                                   */
/* ------------------------------------------------------------------------ */

export interface ValidatorContext {
  readonly options: EmitOptions;
  readonly byId: ReadonlyMap<string, Declaration>;
  readonly typeNames: Readonly<Record<string, string>>;
  /** How this module refers to an internal function of a declaration (local name or `alias.name`). */
  readonly ref: (declaration: Declaration, pick: (names: ValidatorNames) => string) => string;
  /** Registers a module-level helper function (deduplicated by key) and returns its name. */
  readonly helper: (key: string, make: (name: string) => FunctionDeclarationStructure) => string;
  /** A module-level constant for a documented property's source (`{ file, line }`), deduplicated; returns its name. */
  readonly source: (property: Property) => string;
}

const rt = moduleNames.runtime;

/** Parameters of the two kinds of check functions. */
const fastParameters = (value: string): OptionalKind<ParameterDeclarationStructure>[] => [
  { name: value, type: 'unknown' },
  { name: 'd', type: 'number' },
  { name: 'o', type: `${rt}.Settings` },
];
const collectParameters = (value: string): OptionalKind<ParameterDeclarationStructure>[] => [
  { name: value, type: 'unknown' },
  { name: 'p', type: 'string' },
  { name: 'd', type: 'number' },
  { name: 'c', type: `${rt}.Collector` },
  { name: 's', type: `${rt}.Source` },
];

function fn(name: string, parameters: OptionalKind<ParameterDeclarationStructure>[], returnType: string, statements: string[], exported = false): FunctionDeclarationStructure {
  // One statement text, so that the printer keeps the lines as written.
  return { kind: StructureKind.Function, name, isExported: exported, parameters, returnType, statements: [statements.join('\n')] };
}

/* ------------------------------------------------------------------------ */
/* Constraint rules: one per kind, each a fast expression and a collecting statement */
/* ------------------------------------------------------------------------ */

/** Generated-code expressions a rule works with. */
interface At {
  /** The value. */
  readonly x: string;
  /** The JSON Pointer expression (collecting walk only). */
  readonly p: string;
  /** The source expression (collecting walk only). */
  readonly s: string;
  /** The depth expression. */
  readonly d: string;
}

/** Settings field that switches a format on, per format. */
const formatSetting = { 'date-time': 'dateTime', date: 'date', time: 'time', duration: 'duration', uuid: 'uuid', base64: 'base64' } as const;

/** The runtime's check per format, called directly (not through the `formats` table) so that V8 can inline it. */
const formatCheck = { 'date-time': 'isDateTime', date: 'isDate', time: 'isTimeOfDay', duration: 'isDuration', uuid: 'isGuid', base64: 'isBase64' } as const;

const int32Range: readonly [number, number] = [-2147483648, 2147483647];

/** Edm primitives: kind, integer range and format, per `primitiveShapes` and the Int64 mapping. */
const primitiveRule = {
  fast(name: EdmPrimitive, x: string, options: EmitOptions): string {
    const shape = primitiveShapes[name];
    if (name === 'Int64' && options.int64Mapping === 'string') return `${rt}.isInt64String(${x})`;
    if (name === 'Int64' && options.int64Mapping === 'number-or-string') return `(Number.isSafeInteger(${x}) || ${rt}.isInt64String(${x}))`;
    switch (shape.json) {
      case 'boolean':
        return `typeof ${x} === 'boolean'`;
      case 'number':
        return `Number.isFinite(${x})`;
      case 'integer': {
        const [min, max] = shape.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
        if (min < int32Range[0] || max > int32Range[1]) {
          if (min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER) return `Number.isSafeInteger(${x})`;
          return `(Number.isSafeInteger(${x}) && ${x} >= ${min} && ${x} <= ${max})`;
        }
        const bounds = min === int32Range[0] && max === int32Range[1] ? '' : ` && ${x} >= ${min} && ${x} <= ${max}`;
        return `(typeof ${x} === 'number' && (${x} | 0) === ${x}${bounds})`;
      }
      case 'string':
        return shape.format === undefined
          ? `typeof ${x} === 'string'`
          : `(typeof ${x} === 'string' && (!o.${formatSetting[shape.format]} || ${rt}.${formatCheck[shape.format]}(${x})))`;
      default: {
        const never: never = shape.json;
        throw new Error(`internal: unhandled JSON kind ${String(never)}`);
      }
    }
  },
  collect(name: EdmPrimitive, at: At, options: EmitOptions): string {
    const shape = primitiveShapes[name];
    if (name === 'Int64' && options.int64Mapping === 'string') return `${rt}.checkInt64String(c, ${at.p}, ${at.x}, ${at.s});`;
    if (name === 'Int64' && options.int64Mapping === 'number-or-string') return `${rt}.checkInt64Either(c, ${at.p}, ${at.x}, ${at.s});`;
    const edm = stringLiteral(name);
    switch (shape.json) {
      case 'boolean':
        return `${rt}.checkBoolean(c, ${at.p}, ${at.x}, ${at.s});`;
      case 'number':
        return `${rt}.checkNumber(c, ${at.p}, ${at.x}, ${edm}, ${at.s});`;
      case 'integer': {
        const [min, max] = shape.range ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
        return `${rt}.checkInteger(c, ${at.p}, ${at.x}, ${edm}, ${min}, ${max}, ${at.s});`;
      }
      case 'string':
        return `${rt}.checkString(c, ${at.p}, ${at.x}, ${edm}, ${shape.format === undefined ? 'undefined' : stringLiteral(shape.format)}, ${at.s});`;
      default: {
        const never: never = shape.json;
        throw new Error(`internal: unhandled JSON kind ${String(never)}`);
      }
    }
  },
};

/** References: an enum or object declaration's own checks; objects one level deeper. */
const refRule = {
  fast(declaration: Declaration, at: At, context: ValidatorContext): string {
    const check = context.ref(declaration, (n) => n.fast);
    return declaration.kind === 'enum' ? `${check}(${at.x})` : `${check}(${at.x}, ${at.d} + 1, o)`;
  },
  collect(declaration: Declaration, at: At, context: ValidatorContext): string {
    const check = context.ref(declaration, (n) => n.collect);
    return `${check}(${at.x}, ${at.p}, ${declaration.kind === 'enum' ? at.d : `${at.d} + 1`}, c, ${at.s});`;
  },
};

/** A documented type the model could not resolve: anything goes, as in the type (`unknown`). */
const unknownRule = {
  fast: (): string => 'true',
  collect: (): string => '',
};

/** A stable key for a type expression, to deduplicate helpers. */
function typeKey(type: TypeExpr): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'ref':
      return `ref:${type.id}`;
    case 'collection':
      return `[${typeKey(type.element)}]`;
    case 'unknown':
      return 'unknown';
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The fast check of a collection: a helper per element type whose loop
 * checks each element inline (its own call sites stay monomorphic, so V8
 * inlines the element's check). `d` is the depth of the object holding the
 * collection; object elements are one level deeper, as the element
 * expression says.
 */
function arrayFast(element: TypeExpr, context: ValidatorContext): string {
  return context.helper(`fast:[${typeKey(element)}]`, (name) =>
    fn(name, fastParameters('x'), 'boolean', [
      'if (!Array.isArray(x)) return false;',
      'for (let i = 0; i < x.length; i++) {',
      '  const e: unknown = x[i];',
      `  if (!(${fastExpr(element, { x: 'e', p: '', s: '', d: 'd' }, context)})) return false;`,
      '}',
      'return true;',
    ]),
  );
}

function elementCollect(type: TypeExpr, context: ValidatorContext): string {
  if (type.kind === 'ref') {
    const target = context.byId.get(type.id);
    if (target) return context.ref(target, (n) => n.collect);
  }
  return context.helper(`collect:${typeKey(type)}`, (name) => fn(name, collectParameters('x'), 'void', [collectStatement(type, { x: 'x', p: 'p', s: 's', d: 'd' }, context) || 'return;']));
}

/** Collections: an array whose every element passes the element check; object elements one level deeper. Never null inside. */
const collectionRule = {
  /** Objects in a collection are one level deeper than the object holding the collection. */
  depth(element: TypeExpr, at: At, context: ValidatorContext): string {
    return element.kind === 'ref' && context.byId.get(element.id)?.kind === 'object' ? `${at.d} + 1` : at.d;
  },
  fast(element: TypeExpr, at: At, context: ValidatorContext): string {
    if (element.kind === 'unknown') return `Array.isArray(${at.x})`;
    return `${arrayFast(element, context)}(${at.x}, ${at.d}, o)`;
  },
  collect(element: TypeExpr, at: At, context: ValidatorContext): string {
    const depth = collectionRule.depth(element, at, context);
    if (element.kind === 'unknown') return `${rt}.checkArray(c, ${at.p}, ${at.x}, () => undefined, ${depth}, 'unknown', ${at.s});`;
    return `${rt}.checkArray(c, ${at.p}, ${at.x}, ${elementCollect(element, context)}, ${depth}, ${stringLiteral(describeType(element, context))}, ${at.s});`;
  },
};

/** Null: admitted per `isNullable` (policy). The collecting check reports it with its own code. */
const nullRule = {
  fast: (expr: string, at: At, nullable: boolean): string => (nullable ? `${at.x} === null || ${expr}` : expr),
  /**
   * Runs only where the fast test failed: a nullable property's fast test admits null, so its value is not null
   * there and needs no null check.
   */
  collect: (statement: string, at: At, nullable: boolean): string =>
    nullable ? statement : `if (${at.x} === null) ${rt}.checkNull(c, ${at.p}, ${at.x}, false, ${at.s});\nelse ${statement}`,
};

/** A type as the docs would name it, for `expected`. */
function describeType(type: TypeExpr, context: ValidatorContext): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'ref':
      return context.byId.get(type.id)?.id ?? type.id;
    case 'collection':
      return `Collection(${describeType(type.element, context)})`;
    case 'unknown':
      return 'unknown';
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

function fastExpr(type: TypeExpr, at: At, context: ValidatorContext): string {
  switch (type.kind) {
    case 'primitive':
      return primitiveRule.fast(type.name, at.x, context.options);
    case 'ref': {
      const target = context.byId.get(type.id);
      return target ? refRule.fast(target, at, context) : unknownRule.fast();
    }
    case 'collection':
      return collectionRule.fast(type.element, at, context);
    case 'unknown':
      return unknownRule.fast();
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

function collectStatement(type: TypeExpr, at: At, context: ValidatorContext): string {
  switch (type.kind) {
    case 'primitive':
      return primitiveRule.collect(type.name, at, context.options);
    case 'ref': {
      const target = context.byId.get(type.id);
      return target ? refRule.collect(target, at, context) : unknownRule.collect();
    }
    case 'collection':
      return collectionRule.collect(type.element, at, context);
    case 'unknown':
      return unknownRule.collect();
    default: {
      const never: never = type;
      throw new Error(`internal: unhandled type ${JSON.stringify(never)}`);
    }
  }
}

/* ------------------------------------------------------------------------ */
/* Declarations                                                              */
/* ------------------------------------------------------------------------ */

/** Properties an object has through its base chain, derived ones overriding, in base-first order. */
export function effectiveProperties(declaration: ObjectDeclaration, byId: ReadonlyMap<string, Declaration>): Property[] {
  const chain: ObjectDeclaration[] = [];
  const seen = new Set<string>();
  for (let current: Declaration | undefined = declaration; current?.kind === 'object' && !seen.has(current.id); current = current.baseId ? byId.get(current.baseId) : undefined) {
    seen.add(current.id);
    chain.unshift(current);
  }
  const byName = new Map<string, Property>();
  for (const object of chain) for (const property of object.properties) byName.set(property.name, property);
  return [...byName.values()];
}

/** Open when the type or any base is open (the TypeScript interface then has an index signature). */
export function isOpen(declaration: ObjectDeclaration, byId: ReadonlyMap<string, Declaration>): boolean {
  const seen = new Set<string>();
  for (let current: Declaration | undefined = declaration; current?.kind === 'object' && !seen.has(current.id); current = current.baseId ? byId.get(current.baseId) : undefined) {
    if (current.open) return true;
    seen.add(current.id);
  }
  return false;
}

/** Every object type deriving from each object type (transitively), sorted by id. */
export function descendants(byId: ReadonlyMap<string, Declaration>): Map<string, ObjectDeclaration[]> {
  const result = new Map<string, ObjectDeclaration[]>();
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    const declaration = byId.get(id);
    if (declaration?.kind !== 'object') continue;
    const seen = new Set<string>([id]);
    for (let base = declaration.baseId; base !== undefined && !seen.has(base); ) {
      seen.add(base);
      const list = result.get(base) ?? [];
      list.push(declaration);
      result.set(base, list);
      const next = byId.get(base);
      base = next?.kind === 'object' ? next.baseId : undefined;
    }
  }
  return result;
}

/** The spellings of a type name `@odata.type` may carry. */
export function odataTypeNames(id: string): [string, string] {
  return [`#${id}`, id];
}

export function sourceLiteral(property: Property): string {
  return `{ file: ${stringLiteral(property.origin.file)}, line: ${property.origin.line} }`;
}

function publicDocs(declaration: Declaration, what: string): { kind: StructureKind.JSDoc; description: string }[] {
  return [{ kind: StructureKind.JSDoc, description: [commentText(what), `Source: ${commentText(`${declaration.origin.file}:${declaration.origin.line}`)}`].join('\n') }];
}

/** `isX` and `validateX`: the runtime's `guard` and `validate`, with the call of the boolean check inlined. */
function publicFunctions(declaration: Declaration, typeExpression: string, context: ValidatorContext): FunctionDeclarationStructure[] {
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  const options = { name: 'options', type: `${rt}.ValidateOptions`, hasQuestionToken: true };
  const enumeration = declaration.kind === 'enum';
  const check = (settings: string) => (enumeration ? `${names.fast}(value)` : `${names.fast}(value, 0, ${settings})`);
  return [
    {
      ...fn(names.is, [{ name: 'value', type: 'unknown' }, options], `value is ${typeExpression}`, [
        // The runtime's `guard`, inlined so that the call of the check is direct. Options are resolved inside
        // the try, as `guard` does (an enum's check does not read them, but resolving them stays the same).
        'try {',
        ...(enumeration ? [`  ${rt}.settings(options);`, `  return ${check('')};`] : [`  return ${check(`${rt}.settings(options)`)};`]),
        '} catch {',
        '  return false;',
        '}',
      ], true),
      docs: publicDocs(declaration, `Whether a value is a ${declaration.id}: ${declaration.kind === 'enum' ? 'a documented member' : 'documented properties with their documented types'}.`),
    },
    {
      ...fn(names.validate, [{ name: 'value', type: 'unknown' }, options], `${rt}.ValidationIssue[]`, [
        // The runtime's `validate`, with the boolean check inlined.
        `const o = ${rt}.settings(options);`,
        'try {',
        `  if (${check('o')}) return [];`,
        '} catch {',
        '  // Reported by the collecting walk, which meets the same problem.',
        '}',
        `return ${rt}.collectIssues(value, ${names.collect}, o);`,
      ], true),
      docs: publicDocs(declaration, `Every problem that keeps a value from being a ${declaration.id}, as JSON Pointers; empty when it is one.`),
    },
  ];
}

/** Names every object inherits from Object.prototype: a read of one is always tested for own-ness. */
const prototypeMembers: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Properties checked per function; bigger types are split over several. */
const propertiesPerFunction = 100;

/** Control information most payloads carry, counted by name in the fast walk so that their presence costs no key scan. */
const commonControlKeys = ['@odata.context', '@odata.type', '@odata.etag', '@odata.id'];

/** Up to this many members an enum check is a chain of comparisons; beyond, a Set lookup. */
const inlineMembers = 8;

function enumStatements(declaration: EnumDeclaration, typeExpression: string, context: ValidatorContext): (string | FunctionDeclarationStructure)[] {
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  const members = declaration.members.map((m) => stringLiteral(m.name));
  const set = `const ${names.members}: ReadonlySet<string> = new Set([${members.join(', ')}]);`;
  let test: string;
  if (declaration.members.length === 0) test = `typeof x === 'string'`;
  else if (declaration.flags) test = `${rt}.isFlags(x, ${names.members})`;
  else if (declaration.members.length <= inlineMembers) test = members.map((m) => `x === ${m}`).join(' || ');
  else test = `typeof x === 'string' && ${names.members}.has(x)`;
  const collect =
    declaration.members.length === 0
      ? `${rt}.checkString(c, p, x, ${stringLiteral(declaration.id)}, undefined, s);`
      : `${rt}.checkEnum(c, p, x, ${stringLiteral(declaration.id)}, ${names.members}, ${declaration.flags}, s);`;
  return [
    ...(declaration.members.length > 0 ? [set] : []),
    fn(names.fast, [{ name: 'x', type: 'unknown' }], 'boolean', [`return ${test};`], true),
    fn(names.collect, collectParameters('x'), 'void', [collect], true),
    ...publicFunctions(declaration, typeExpression, context),
  ];
}

/** The object's dispatch on `@odata.type`: its own names fall through to its shape, derived types' names to theirs. */
function dispatch(declaration: ObjectDeclaration, derived: readonly ObjectDeclaration[], context: ValidatorContext, mode: 'fast' | 'collect'): string[] {
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  const own = odataTypeNames(declaration.id).map((n) => `t !== ${stringLiteral(n)}`).join(' && ');
  const shapeCall = mode === 'fast' ? `${names.fastShape}(r, d, o, own)` : `${names.collectShape}(v, p, d, c);`;
  // The fast walk decides own-ness once per object (see `ownTestLines`) and reads `@odata.type` inline.
  const lines: string[] =
    mode === 'fast'
      ? ['const r = v as Record<string, unknown>;', ...ownTestLines('r'), 'const t = r["@odata.type"];', `if (t !== undefined && (!own || hasOwn.call(r, "@odata.type")) && ${own}) {`]
      : [`const t = ${rt}.odataType(v);`];
  if (mode === 'fast') {
    if (derived.length === 0) lines.push('  return false;', '}');
    else lines.push(`  const f = typeof t === 'string' ? ${names.derived}().get(t) : undefined;`, `  return f !== undefined && f[0](r, d, o, own);`, `}`);
    lines.push(`return ${shapeCall};`);
  } else {
    lines.push(`if (t !== undefined && ${own}) {`);
    if (derived.length > 0) {
      lines.push(`  const f = typeof t === 'string' ? ${names.derived}().get(t) : undefined;`, `  if (f !== undefined) return f[1](v, p, d, c);`);
    }
    lines.push(`  ${rt}.reportOdataType(c, p, t, ${stringLiteral(declaration.id)});`, `}`, shapeCall);
  }
  return lines;
}

/**
 * Whether reads from object `v` need an own-property test (the runtime's
 * `needsOwnChecks`, inlined): the settings say so (a polluted
 * Object.prototype), or its prototype is neither Object.prototype nor null.
 */
function ownTestLines(v: string): string[] {
  return ['let own = o.ownChecks;', 'if (!own) {', `  const proto: unknown = Object.getPrototypeOf(${v});`, '  own = proto !== Object.prototype && proto !== null;', '}'];
}

/** The lazily built table of derived types' shapes (built on first use, so that cyclic imports between namespaces never see it half made). */
function derivedTable(declaration: ObjectDeclaration, derived: readonly ObjectDeclaration[], context: ValidatorContext): (string | FunctionDeclarationStructure)[] {
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  const entryType = `readonly [(v: Record<string, unknown>, d: number, o: ${rt}.Settings, own: boolean) => boolean, (v: Record<string, unknown>, p: string, d: number, c: ${rt}.Collector) => void]`;
  const entries = derived.flatMap((d) => {
    const pair = `[${context.ref(d, (n) => n.fastShape)}, ${context.ref(d, (n) => n.collectShape)}]`;
    return odataTypeNames(d.id).map((n) => `    [${stringLiteral(n)}, ${pair}],`);
  });
  return [
    `let ${names.derivedCache}: ReadonlyMap<string, ${entryType}> | undefined;`,
    fn(names.derived, [], `ReadonlyMap<string, ${entryType}>`, [`return (${names.derivedCache} ??= new Map<string, ${entryType}>([\n${entries.join('\n')}\n]));`]),
  ];
}

/**
 * Types that stand for any JSON value: Graph's `Json` ("data returned in JSON
 * format") carries Excel ranges' values and formulas as arrays, strings and
 * numbers. Its TypeScript type, an empty interface, admits any value but
 * null and undefined, and so do its validators and schema.
 */
export const untypedJsonTypes: ReadonlySet<string> = new Set(['microsoft.graph.Json']);

function untypedStatements(declaration: ObjectDeclaration, typeExpression: string, context: ValidatorContext): FunctionDeclarationStructure[] {
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  return [
    fn(names.fast, fastParameters('v'), 'boolean', ['return v !== null && v !== undefined;'], true),
    fn(names.collect, collectParameters('v'), 'void', [`if (v === null || v === undefined) ${rt}.reportType(c, p, 'a JSON value (${declaration.id})', v, s);`], true),
    ...publicFunctions(declaration, typeExpression, context),
  ];
}

/**
 * An object's checks. Both walks read each documented property by name (V8
 * resolves named loads against the object's hidden class, so absent
 * properties cost next to nothing), count the own ones present, and compare
 * the count with the object's keys: only when they differ are the keys
 * looked at one by one, for undocumented ones. The collecting walk runs the
 * fast check of each property first and walks only into those that fail.
 */
function objectStatements(declaration: ObjectDeclaration, typeExpression: string, derived: readonly ObjectDeclaration[], context: ValidatorContext): (string | FunctionDeclarationStructure)[] {
  if (untypedJsonTypes.has(declaration.id) && derived.length === 0) return untypedStatements(declaration, typeExpression, context);
  const names = validatorNames(context.typeNames[declaration.id] ?? '');
  const properties = effectiveProperties(declaration, context.byId);
  const open = isOpen(declaration, context.byId);
  const idLiteral = stringLiteral(declaration.id);
  const documented = new Set(properties.map((p) => p.name));

  const ownTest = (name: string) => (prototypeMembers.has(name) ? `hasOwn.call(v, ${stringLiteral(name)})` : `(!own || hasOwn.call(v, ${stringLiteral(name)}))`);
  const load = (name: string, body: string[]) => [`x = v[${stringLiteral(name)}];`, `if (x !== undefined && ${ownTest(name)}) {`, '  n++;', ...body.map((l) => `  ${l}`), '}'];
  const fastParts: string[][] = [];
  const collectParts: string[][] = [];
  const at: At = { x: 'x', p: '', s: '', d: 'd' };
  const collectAt: At = { x: 'x', p: 'q', s: 'w', d: 'd' };
  for (const property of properties) {
    const expr = fastExpr(property.type, at, context);
    if (expr === unknownRule.fast()) {
      // Typed `unknown` (which admits null too): anything goes, but it is a documented key.
      fastParts.push(load(property.name, []));
      collectParts.push(load(property.name, []));
      continue;
    }
    const test = nullRule.fast(expr, at, isNullable(property, context.options));
    fastParts.push(load(property.name, [`if (!(${test})) return -1;`]));
    const statement = nullRule.collect(collectStatement(property.type, collectAt, context), collectAt, isNullable(property, context.options));
    collectParts.push(
      load(property.name, [`if (!(${test})) {`, `  const q = p + ${stringLiteral(`/${pointerSegment(property.name)}`)};`, `  const w = ${context.source(property)};`, ...statement.split('\n').map((l) => `  ${l.trimStart()}`), '}']),
    );
  }
  // Properties are checked in chunks, one function each, so that no function grows past what
  // TypeScript's control-flow analysis and V8's optimising compiler accept.
  const chunks = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / propertiesPerFunction) }, (_, i) => items.slice(i * propertiesPerFunction, (i + 1) * propertiesPerFunction));
  const record = { name: 'v', type: 'Record<string, unknown>' };
  const ownParameter = { name: 'own', type: 'boolean' };
  const chunkFunctions: FunctionDeclarationStructure[] = [];
  const fastCalls: string[] = [];
  const collectCalls: string[] = [];
  chunks(fastParts).forEach((part, index) => {
    const name = names.fastChunk(index + 1);
    chunkFunctions.push(fn(name, [record, { name: 'd', type: 'number' }, { name: 'o', type: `${rt}.Settings` }, ownParameter], 'number', ['let n = 0;', 'let x: unknown;', ...part.flat(), 'return n;']));
    fastCalls.push(`x = ${name}(v, d, o, own);`, 'if (x < 0) return false;', 'n += x;');
  });
  chunks(collectParts).forEach((part, index) => {
    const name = names.collectChunk(index + 1);
    chunkFunctions.push(fn(name, [record, { name: 'p', type: 'string' }, { name: 'd', type: 'number' }, { name: 'c', type: `${rt}.Collector` }, ownParameter], 'number', ['const o = c.settings;', 'let n = 0;', 'let x: unknown;', ...part.flat(), 'return n;']));
    collectCalls.push(`n += ${name}(v, p, d, c, own);`);
  });
  const single = fastParts.length <= propertiesPerFunction;
  const fastLoads = single
    ? ['let n = 0;', 'let x: unknown;', ...fastParts.flat().map((l) => l.replace('return -1;', 'return false;'))]
    : ['let n = 0;', 'let x: number;', ...fastCalls];
  const collectLoads = single
    ? ['const o = c.settings;', ...ownTestLines('v'), 'let n = 0;', 'let x: unknown;', ...collectParts.flat()]
    : ['const o = c.settings;', ...ownTestLines('v'), 'let n = 0;', ...collectCalls];
  const controls = commonControlKeys.filter((k) => !documented.has(k)).map((k) => `if (v[${stringLiteral(k)}] !== undefined && ${ownTest(k)}) n++;`);
  const countKeys = ['let keys = 0;', 'for (const _ in v) keys++;'];
  const fastBody = open
    ? [...fastLoads, 'return true;']
    : [...fastLoads, ...controls, 'if (!o.unknownProperties) return true;', ...countKeys, `return keys === n || ${rt}.onlyKnownKeys(v, ${names.keys});`];
  const collectBody = open
    ? collectLoads
    : [...collectLoads, ...controls, 'if (!o.unknownProperties) return;', ...countKeys, `if (keys !== n) ${rt}.reportUnknownKeys(c, p, v, ${names.keys}, ${idLiteral});`];
  const keyTable = `const ${names.keys}: ReadonlySet<string> = new Set([\n${properties.map((p) => `  ${stringLiteral(p.name)},`).join('\n')}\n]);`;
  return [
    ...(open ? [] : [keyTable]),
    ...(single ? [] : chunkFunctions),
    ...(derived.length > 0 ? derivedTable(declaration, derived, context) : []),
    fn(names.fast, fastParameters('v'), 'boolean', ["if (typeof v !== 'object' || v === null || Array.isArray(v) || d > o.maxDepth) return false;", ...dispatch(declaration, derived, context, 'fast')], true),
    fn(names.fastShape, [record, { name: 'd', type: 'number' }, { name: 'o', type: `${rt}.Settings` }, ownParameter], 'boolean', fastBody, true),
    fn(names.collect, collectParameters('v'), 'void', [`if (!${rt}.checkObject(c, p, v, ${idLiteral}, d, s)) return;`, ...dispatch(declaration, derived, context, 'collect')], true),
    fn(names.collectShape, [record, { name: 'p', type: 'string' }, { name: 'd', type: 'number' }, { name: 'c', type: `${rt}.Collector` }], 'void', collectBody, true),
    ...publicFunctions(declaration, typeExpression, context),
  ];
}

/**
 * Statements for one declaration's validators. `typeExpression` is how the
 * module names the declaration's type (for the `value is X` predicate).
 */
export function validatorStatements(
  declaration: Declaration,
  typeExpression: string,
  derived: readonly ObjectDeclaration[],
  context: ValidatorContext,
): (string | FunctionDeclarationStructure)[] {
  return declaration.kind === 'enum' ? enumStatements(declaration, typeExpression, context) : objectStatements(declaration, typeExpression, derived, context);
}
