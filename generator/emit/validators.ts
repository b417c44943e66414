/**
 * Validator code for one module, from the validation plan. For every
 * declaration X:
 *
 * - `$iX`, the boolean check. An object's dispatches on `@odata.type`, then
 *   runs `$sX`, its shape: straight-line code that reads each documented
 *   property by name (V8 resolves named loads against the object's hidden
 *   class, so absent properties cost next to nothing) and tests it inline,
 *   after running its base's `$s` when the type only adds properties. Given a
 *   list (`$iX` hands its shape the one `validateX` may pass it), the shape
 *   records the position and the value of every failing property instead of
 *   stopping at the first: the interpreter reports from it without reading
 *   the property again. Values the straight-line code does not read itself
 *   (objects that are not plain, or options that need the interpreter) go to
 *   the runtime's `conforms`.
 * - `$tX`, its table: plain data the runtime's interpreter walks to collect
 *   every issue, only once the boolean check has found one.
 * - `isX` and `validateX`, the public functions.
 *
 * The rules per kind of type are `primitiveTest`, `refTest` and
 * `collectionTest`; the codes and messages of issues are the runtime's. Every
 * module-level identifier is taken from the module's `ModuleScope`; every
 * piece of doc text goes through `escape.ts`.
 */
import type { EmitOptions } from '../options.js';
import { primitiveShapes, type PrimitiveCode } from '../runtime/validation.js';
import { commentText, identifier, stringLiteral } from './escape.js';
import { planTypeKey, type DeclarationPlan, type EnumPlan, type ObjectPlan, type PlanProperty, type PlanType, type ValidationPlan } from './plan.js';
import type { ModuleScope } from './scope.js';

/**
 * Identifiers of one declaration's validators. Public names are `is` /
 * `validate` + the type name; internal ones `$` + one lower-case letter (and a
 * chunk number) + the type name. Type names start with an upper-case letter
 * or `_`, never a digit, so no two declarations or kinds share a name.
 */
export interface ValidatorNames {
  readonly is: string;
  readonly validate: string;
  /** The boolean check: `(value, depth, settings) => boolean`, with the `@odata.type` dispatch. */
  readonly check: string;
  /** An object's properties, inherited ones included (no dispatch). */
  readonly shape: string;
  /** The nth part of a big object's shape check. */
  readonly chunk: (index: number) => string;
  /** The type's table, for the interpreter. */
  readonly table: string;
  /** An enum's members as a set. */
  readonly members: string;
}

export function validatorNames(typeName: string): ValidatorNames {
  const name = identifier(typeName);
  return {
    is: identifier(`is${name}`),
    validate: identifier(`validate${name}`),
    check: `$i${name}`,
    shape: `$s${name}`,
    chunk: (index) => `$p${index}${name}`,
    table: `$t${name}`,
    members: `$m${name}`,
  };
}

/** The module-level names of the runtime import and of other namespaces' validators modules. */
export const runtimeAlias = '$rt';
export const namespaceImportAlias = (alias: string): string => identifier(`$n_${alias}`);

/** What the module's code needs from the module around it. */
export interface ModuleContext {
  readonly options: EmitOptions;
  readonly plan: ValidationPlan;
  readonly scope: ModuleScope;
  /** The TypeScript name of a declaration's type. */
  readonly typeName: (id: string) => string;
  /** How this module refers to one of a declaration's internals: its local name, or `alias.name` (recording the import). */
  readonly ref: (id: string, pick: (names: ValidatorNames) => string) => string;
  /** Whether a declaration's internals are used by other modules (and so exported). */
  readonly exported: (id: string) => boolean;
}

const rt = runtimeAlias;

/** Which of a check's parameters its code uses (unused ones are named `_x`, for `noUnusedParameters`). */
interface Usage {
  depth: boolean;
  settings: boolean;
}

/** Properties tested per function; bigger types are split over several. */
const propertiesPerFunction = 100;

/** Up to this many members an enum check is a chain of comparisons; beyond, a Set lookup. */
const inlineMembers = 8;

/** Names every object inherits from Object.prototype: a read of one is always tested for own-ness. */
const prototypeMembers: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Settings field that switches a format on, and the runtime's check, called directly so that V8 can inline it. */
const formatCheck = {
  'date-time': ['dateTime', 'isDateTime'],
  date: ['date', 'isDate'],
  time: ['time', 'isTimeOfDay'],
  duration: ['duration', 'isDuration'],
  uuid: ['uuid', 'isGuid'],
  base64: ['base64', 'isBase64'],
} as const;

const int32Range: readonly [number, number] = [-2147483648, 2147483647];

function functionText(doc: string | undefined, exported: boolean, signature: string, body: readonly string[]): string {
  const head = `${doc === undefined ? '' : `/** ${doc} */\n`}${exported ? 'export ' : ''}function ${signature} {`;
  return [head, ...body.map((line) => (line === '' ? '' : `  ${line}`)), '}'].join('\n');
}

const parameter = (name: string, used: boolean, type: string) => `${used ? name : `_${name}`}: ${type}`;

/** Whether the text is one parenthesised expression or call, `(…)` or `f(…)`, whose first parenthesis closes at its end. */
function singleTerm(text: string): boolean {
  const open = text.indexOf('(');
  if (open < 0 || !/^[\w$.]*$/.test(text.slice(0, open))) return false;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** The negation of a test, without needless parentheses. */
function negate(test: string): string {
  const typeofTest = /^typeof (\w+) === ('\w+')$/.exec(test);
  if (typeofTest) return `typeof ${typeofTest[1]} !== ${typeofTest[2]}`;
  return singleTerm(test) ? `!${test}` : `!(${test})`;
}

/** The statements of one module's validators, and the helpers they share. */
export function moduleStatements(declarations: readonly DeclarationPlan[], context: ModuleContext): string[] {
  const { scope } = context;
  const helpers: string[] = [];
  const helperNames = new Map<string, string>();
  let hasOwnName: string | undefined;
  const hasOwn = () => (hasOwnName ??= scope.take('hasOwn'));
  let failedName: string | undefined;
  const failed = () => (failedName ??= scope.take('$f'));
  // The runtime helpers every object check calls, by short module-level names (a thousand checks in a big module).
  let objectHelperNames: { fastObject: string; conforms: string; dispatch: string } | undefined;
  const objectHelpers = () => (objectHelperNames ??= { fastObject: scope.take('$o'), conforms: scope.take('$c'), dispatch: scope.take('$d') });

  /** An Edm primitive, per the plan's code (Int64 as mapped). */
  const primitiveTest = (code: PrimitiveCode, x: string, usage: Usage): string => {
    if (code === 'Int64String') return `${rt}.isInt64String(${x})`;
    if (code === 'Int64Either') return `(Number.isSafeInteger(${x}) || ${rt}.isInt64String(${x}))`;
    const shape = primitiveShapes[code];
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
      case 'string': {
        if (shape.format === undefined) return `typeof ${x} === 'string'`;
        usage.settings = true;
        const [setting, check] = formatCheck[shape.format];
        return `(typeof ${x} === 'string' && (!o.${setting} || ${rt}.${check}(${x})))`;
      }
      default: {
        const never: never = shape.json;
        throw new Error(`internal: unhandled JSON kind ${String(never)}`);
      }
    }
  };

  /** Another declaration's check; an object is one level deeper than the object holding it. */
  const refTest = (type: PlanType & { kind: 'ref' }, x: string, usage: Usage): string => {
    const check = context.ref(type.id, (n) => n.check);
    if (type.target === 'enum') return `${check}(${x})`;
    usage.depth = usage.settings = true;
    return `${check}(${x}, d + 1, o)`;
  };

  /**
   * A collection: a helper per element type whose loop tests each element
   * inline. `d` is the depth of the object holding the collection. Its name
   * is taken before its body is built, so that a collection of collections
   * gets a helper of its own.
   */
  const collectionTest = (element: PlanType, x: string, usage: Usage): string => {
    if (element.kind === 'any') return `Array.isArray(${x})`;
    const key = planTypeKey(element);
    let name = helperNames.get(key);
    if (name === undefined) {
      name = scope.fresh('$a');
      helperNames.set(key, name);
      const inner: Usage = { depth: false, settings: false };
      const test = fastTest(element, 'e', inner);
      helpers.push(
        functionText(undefined, false, `${name}(x: unknown, ${parameter('d', inner.depth, 'number')}, ${parameter('o', inner.settings, `${rt}.Settings`)}): boolean`, [
          'if (!Array.isArray(x)) return false;',
          'for (let i = 0; i < x.length; i++) {',
          '  const e: unknown = x[i];',
          `  if (${negate(test)}) return false;`,
          '}',
          'return true;',
        ]),
      );
    }
    usage.depth = usage.settings = true;
    return `${name}(${x}, d, o)`;
  };

  /** True when the value (never null here) is valid; `true` for anything-goes types. */
  function fastTest(type: PlanType, x: string, usage: Usage): string {
    switch (type.kind) {
      case 'primitive':
        return primitiveTest(type.code, x, usage);
      case 'ref':
        return refTest(type, x, usage);
      case 'collection':
        return collectionTest(type.element, x, usage);
      case 'any':
        return 'true';
      default: {
        const never: never = type;
        throw new Error(`internal: unhandled plan type ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * The line that tests one property of `v` (none for an anything-goes
   * property): absent (undefined) passes, null passes when the property is
   * nullable (`!= null` tests both), and a name Object.prototype also has
   * must be the value's own.
   */
  const propertyLines = (property: PlanProperty, index: number, usage: Usage): string[] => {
    if (property.type.kind === 'any') return [];
    const key = stringLiteral(property.name);
    const test = fastTest(property.type, 'x', usage);
    const read = `(x = v[${key}]) ${property.nullable ? '!= null' : '!== undefined'}`;
    const conditions = [read, ...(prototypeMembers.has(property.name) ? [`${hasOwn()}.call(v, ${key})`] : []), negate(test), `${failed()}(r, ${index}, x)`];
    return [`if (${conditions.join(' && ')}) return false;`];
  };

  /**
   * The lines that test a list of properties, `return true` last. `index`
   * gives a property's position among the type's properties (inherited ones
   * first, as the runtime's compiled table has them): a failing property is
   * recorded (that position, then its value) when the interpreter passes a
   * list `r`, and ends the check when it passes null.
   */
  const propertiesBody = (properties: readonly PlanProperty[], index: (p: PlanProperty) => number, usage: Usage): string[] => {
    const lines = properties.flatMap((p) => propertyLines(p, index(p), usage));
    return lines.length === 0 ? ['return true;'] : ['let x: unknown;', ...lines, 'return true;'];
  };

  const typeData = (type: PlanType): string => {
    switch (type.kind) {
      case 'primitive':
        return stringLiteral(type.code);
      case 'ref':
        return context.ref(type.id, (n) => n.table);
      case 'collection':
        return `[${typeData(type.element)}]`;
      case 'any':
        return '0';
      default: {
        const never: never = type;
        throw new Error(`internal: unhandled plan type ${JSON.stringify(never)}`);
      }
    }
  };

  const sourceText = (declaration: DeclarationPlan) => commentText(`${declaration.origin.file}:${declaration.origin.line}`);

  /** `isX` and `validateX`: the runtime's entry points with this type's check and table. */
  const publicFunctions = (declaration: DeclarationPlan, names: ValidatorNames): string[] => {
    const typeName = context.typeName(declaration.id);
    const what = commentText(declaration.id);
    const options = `options?: ${rt}.ValidateOptions`;
    return [
      functionText(`Whether the value is a valid ${what} (${sourceText(declaration)}).`, true, `${names.is}(value: unknown, ${options}): value is ${typeName}`, [`return ${rt}.guard(value, ${names.check}, options);`]),
      functionText(`Why the value is not a valid ${what} (${sourceText(declaration)}); empty when it is.`, true, `${names.validate}(value: unknown, ${options}): ${rt}.ValidationIssue[]`, [
        `return ${rt}.validate(value, ${names.check}, ${names.table}, options);`,
      ]),
    ];
  };

  const enumStatements = (declaration: EnumPlan, names: ValidatorNames): string[] => {
    const exported = context.exported(declaration.id);
    const members = declaration.members.map(stringLiteral);
    const useSet = declaration.flags || members.length > inlineMembers;
    let test: string;
    if (members.length === 0) test = `typeof x === 'string'`;
    else if (declaration.flags) test = `${rt}.isFlags(x, ${names.members})`;
    else if (!useSet) test = members.map((m) => `x === ${m}`).join(' || ');
    else test = `typeof x === 'string' && ${names.members}.has(x)`;
    const table = [`id: ${stringLiteral(declaration.id)},`, `check: ${names.check},`, `members: ${useSet ? `Array.from(${names.members})` : `[${members.join(', ')}]`},`, ...(declaration.flags ? ['flags: true,'] : [])];
    return [
      ...(useSet ? [`const ${names.members}: ReadonlySet<string> = /* @__PURE__ */ new Set([${members.join(', ')}]);`] : []),
      functionText(undefined, exported, `${names.check}(x: unknown): boolean`, [`return ${test};`]),
      functionText(undefined, exported, `${names.table}(): ${rt}.EnumData`, ['return {', ...table.map((l) => `  ${l}`), '};']),
      ...publicFunctions(declaration, names),
    ];
  };

  const objectStatements = (declaration: ObjectPlan, names: ValidatorNames): string[] => {
    const exported = context.exported(declaration.id);
    const statements: string[] = [];
    const checkSignature = (used: Usage, list = '') => `${names.check}(v: unknown, ${parameter('d', used.depth, 'number')}, ${parameter('o', used.settings, `${rt}.Settings`)}${list}): boolean`;
    if (declaration.json) {
      statements.push(functionText(undefined, exported, checkSignature({ depth: false, settings: false }), ['return v !== null && v !== undefined;']));
    } else {
      // The shape: the base's first when the type only adds properties, then its own, in chunks of
      // `propertiesPerFunction` so that no function grows past what TypeScript's control-flow analysis
      // and V8's optimising compiler take well.
      const usage: Usage = { depth: false, settings: false };
      const baseCall = declaration.extendsBase && declaration.baseId !== undefined ? `${context.ref(declaration.baseId, (n) => n.shape)}(v, d, o, r)` : undefined;
      if (baseCall !== undefined) usage.depth = usage.settings = true;
      const positions = new Map(declaration.properties.map((p, i) => [p.name, i]));
      const index = (p: PlanProperty) => positions.get(p.name) ?? -1;
      const checked = declaration.checkedProperties.filter((p) => p.type.kind !== 'any');
      const signature = (name: string, used: Usage, usesValue: boolean) =>
        `${name}(${parameter('v', usesValue, 'Record<string, unknown>')}, ${parameter('d', used.depth, 'number')}, ${parameter('o', used.settings, `${rt}.Settings`)}, ${parameter('r', usesValue, `${rt}.Failing`)}): boolean`;
      let shape: string[];
      if (checked.length <= propertiesPerFunction) {
        const lines = propertiesBody(checked, index, usage);
        shape = baseCall === undefined ? lines : [`if (!${baseCall}) return false;`, ...lines];
      } else {
        const calls: string[] = [];
        for (let start = 0, chunk = 1; start < checked.length; start += propertiesPerFunction, chunk++) {
          const chunkUsage: Usage = { depth: false, settings: false };
          const chunkName = scope.take(names.chunk(chunk));
          const lines = propertiesBody(checked.slice(start, start + propertiesPerFunction), index, chunkUsage);
          statements.push(functionText(undefined, false, signature(chunkName, chunkUsage, true), lines));
          calls.push(`${chunkName}(v, d, o, r)`);
        }
        usage.depth = usage.settings = true;
        shape = [`return ${[...(baseCall === undefined ? [] : [baseCall]), ...calls].join(' && ')};`];
      }
      // The `@odata.type` dispatch: `#ns.name`, the spelling Graph sends, inline; any other (`ns.name`, a derived
      // type's name) in the runtime.
      statements.push(
        functionText(undefined, exported, checkSignature({ depth: true, settings: true }, `, r: ${rt}.Failing = null`), [
          `if (!${objectHelpers().fastObject}(v, d, o)) return ${objectHelpers().conforms}(v, ${names.table}, d, o);`,
          `const t = v["@odata.type"];`,
          `if (t !== undefined && t !== ${stringLiteral(`#${declaration.id}`)}) return ${objectHelpers().dispatch}(${names.table}, t, v, d, o);`,
          `return ${names.shape}(v, d, o, r);`,
        ]),
      );
      const usesValue = shape.some((line) => line !== 'return true;');
      statements.push(functionText(undefined, exported, signature(names.shape, usage, usesValue), shape));
    }
    const properties = declaration.ownProperties.map((p) => {
      const file = p.origin.file === declaration.origin.file ? '' : `, ${stringLiteral(p.origin.file)}`;
      return `    [${stringLiteral(p.name)}, ${typeData(p.type)}, ${p.nullable}, ${p.origin.line}${file}],`;
    });
    const table = [
      `  id: ${stringLiteral(declaration.id)},`,
      `  file: ${stringLiteral(declaration.origin.file)},`,
      `  check: ${names.check},`,
      ...(declaration.json ? [] : [`  shape: ${names.shape},`]),
      ...(declaration.baseId !== undefined ? [`  base: ${context.ref(declaration.baseId, (n) => n.table)},`] : []),
      ...(declaration.open ? ['  open: true,'] : []),
      ...(declaration.json ? ['  json: true,'] : []),
      ...(properties.length === 0 ? ['  properties: [],'] : ['  properties: [', ...properties, '  ],']),
      ...(declaration.children.length > 0 ? [`  derived: [${declaration.children.map((id) => context.ref(id, (n) => n.table)).join(', ')}],`] : []),
    ];
    statements.push(functionText(undefined, exported, `${names.table}(): ${rt}.ObjectData`, ['return {', ...table, '};']));
    statements.push(...publicFunctions(declaration, names));
    return statements;
  };

  const statements: string[] = [];
  for (const declaration of declarations) {
    const names = validatorNames(context.typeName(declaration.id));
    statements.push(...(declaration.kind === 'enum' ? enumStatements(declaration, names) : objectStatements(declaration, names)));
  }
  const constants = [
    ...(hasOwnName === undefined ? [] : [`const ${hasOwnName} = Object.prototype.hasOwnProperty;`]),
    ...(failedName === undefined ? [] : [`const ${failedName} = ${rt}.failed;`]),
    ...(objectHelperNames === undefined ? [] : [`const ${objectHelperNames.fastObject} = ${rt}.fastObject;`, `const ${objectHelperNames.conforms} = ${rt}.conforms;`, `const ${objectHelperNames.dispatch} = ${rt}.dispatch;`]),
  ];
  return [...(constants.length === 0 ? [] : [constants.join('\n')]), ...statements, ...helpers];
}

/** The module-level names a declaration's validators take in its own module, in a fixed order. */
export function declarationNames(declaration: DeclarationPlan, names: ValidatorNames): string[] {
  if (declaration.kind === 'enum') {
    const useSet = declaration.flags || declaration.members.length > inlineMembers;
    return [...(useSet ? [names.members] : []), names.check, names.table, names.is, names.validate];
  }
  return [names.check, ...(declaration.json ? [] : [names.shape]), names.table, names.is, names.validate];
}
