/**
 * Names: TypeScript identifiers for declarations and namespaces, assigned in
 * one late pass. The collision rule depends only on the set of declarations,
 * never on traversal order: within a namespace, declarations whose names
 * collide (without regard to case) are ordered (objects before enums, then by id in code-unit order);
 * the first keeps the name, an enum then gets the suffix `Enum`, and any
 * remaining clash a number. A name of the ECMAScript library (`Set`,
 * `Record`) gets the suffix `Type`.
 */
import type { Declaration, Model, Naming } from './ir.js';
import { compareCodeUnits } from '../order.js';


/** Words TypeScript reserves as type names or keywords; a generated name never equals one. */
const reserved = new Set([
  'any', 'bigint', 'boolean', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'declare', 'default',
  'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements',
  'import', 'in', 'infer', 'instanceof', 'interface', 'keyof', 'let', 'never', 'new', 'null', 'number', 'object',
  'package', 'private', 'protected', 'public', 'readonly', 'return', 'static', 'string', 'super', 'switch', 'symbol',
  'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'unique', 'unknown', 'var', 'void', 'while', 'with', 'yield',
  'await', 'async', 'of', 'as', 'is', 'asserts', 'satisfies', 'accessor', 'global', 'module', 'namespace', 'require',
]);

/**
 * The global names of the ECMAScript library (values and types). A module's
 * own declaration shadows a global of the same name, so a doc type named
 * `set` (the term store has one) must not become `Set` where emitted code
 * says `new Set(…)` or `Record<…>`, `Omit<…>`: such a name gets the suffix
 * `Type` (`SetType`).
 */
export const libraryGlobals: ReadonlySet<string> = new Set([
  'AggregateError', 'Array', 'ArrayBuffer', 'ArrayBufferLike', 'ArrayBufferView', 'ArrayLike', 'AsyncDisposable', 'AsyncDisposableStack',
  'AsyncGenerator', 'AsyncGeneratorFunction', 'AsyncIterable', 'AsyncIterableIterator', 'AsyncIterator', 'Atomics', 'Awaited', 'BigInt',
  'BigInt64Array', 'BigUint64Array', 'Boolean', 'Capitalize', 'ClassDecorator', 'ConcatArray', 'ConstructorParameters', 'DataView', 'Date',
  'Disposable', 'DisposableStack', 'Error', 'EvalError', 'Exclude', 'Extract', 'FinalizationRegistry', 'Float32Array', 'Float64Array',
  'Function', 'Generator', 'GeneratorFunction', 'IArguments', 'Infinity', 'InstanceType', 'Int16Array', 'Int32Array', 'Int8Array', 'Intl',
  'Iterable', 'IterableIterator', 'Iterator', 'JSON', 'Lowercase', 'Map', 'Math', 'MethodDecorator', 'NaN', 'NoInfer', 'NonNullable',
  'Number', 'Object', 'Omit', 'OmitThisParameter', 'ParameterDecorator', 'Parameters', 'Partial', 'Pick', 'Promise', 'PromiseLike',
  'PropertyDecorator', 'PropertyDescriptor', 'PropertyKey', 'Proxy', 'RangeError', 'Readonly', 'ReadonlyArray', 'ReadonlyMap',
  'ReadonlySet', 'Record', 'ReferenceError', 'Reflect', 'RegExp', 'Required', 'ReturnType', 'Set', 'SharedArrayBuffer', 'String',
  'SuppressedError', 'Symbol', 'SyntaxError', 'TemplateStringsArray', 'ThisParameterType', 'ThisType', 'TypeError', 'TypedPropertyDescriptor',
  'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uncapitalize', 'Uppercase', 'WeakKey', 'WeakMap', 'WeakRef', 'WeakSet',
]);

/** `synchronizationTaskExecution` → `SynchronizationTaskExecution`; anything not an identifier character splits words. */
export function pascalCase(written: string): string {
  const words = written.split(/[^\p{L}\p{N}_$]+/u).filter((w) => w !== '');
  let name = words.map((w) => (w[0] ?? '').toUpperCase() + w.slice(1)).join('');
  if (name === '' || /^[^\p{L}_$]/u.test(name)) name = `_${name}`;
  return name;
}

/** `callRecords` → `callRecords`; used for namespace aliases. */
export function camelCase(written: string): string {
  const pascal = pascalCase(written);
  const name = (pascal[0] ?? '').toLowerCase() + pascal.slice(1);
  return reserved.has(name) ? `${name}_` : name;
}

function order(a: Declaration, b: Declaration): number {
  if (a.kind !== b.kind) return a.kind === 'object' ? -1 : 1;
  return compareCodeUnits(a.id, b.id);
}

export function assignNames(model: Model): Naming {
  // Keyed by doc text: no prototype, so that an id such as "constructor" cannot read Object.prototype.
  const typeNames: Record<string, string> = Object.create(null);
  const byNamespace = new Map<string, Declaration[]>();
  for (const declaration of model.declarations) {
    const list = byNamespace.get(declaration.namespace) ?? [];
    list.push(declaration);
    byNamespace.set(declaration.namespace, list);
  }
  for (const declarations of byNamespace.values()) {
    // Names are compared without regard to case: in the per-type layout each becomes a file name,
    // and `Ab.ts` and `AB.ts` are one file on macOS and Windows.
    const taken = new Set<string>();
    const byWanted = new Map<string, Declaration[]>();
    for (const declaration of declarations) {
      const key = pascalCase(declaration.name).toLowerCase();
      const group = byWanted.get(key) ?? [];
      group.push(declaration);
      byWanted.set(key, group);
    }
    for (const key of [...byWanted.keys()].sort(compareCodeUnits)) {
      const group = (byWanted.get(key) ?? []).sort(order);
      for (const [position, declaration] of group.entries()) {
        const wanted = pascalCase(declaration.name);
        // A suffixed name must not be taken already, nor be a name another declaration wants for itself.
        const unavailable = (name: string) => taken.has(name.toLowerCase()) || libraryGlobals.has(name) || (name.toLowerCase() !== key && byWanted.has(name.toLowerCase()));
        let name = position > 0 && declaration.kind === 'enum' ? `${wanted}Enum` : libraryGlobals.has(wanted) ? `${wanted}Type` : wanted;
        for (let suffix = 2; unavailable(name); suffix++) name = `${wanted}${suffix}`;
        taken.add(name.toLowerCase());
        typeNames[declaration.id] = name;
      }
    }
  }
  const namespaceAliases: Record<string, string> = Object.create(null);
  const usedAliases = new Set<string>();
  const used = (alias: string) => usedAliases.has(alias.toLowerCase());
  for (const namespace of [...byNamespace.keys()].sort(compareCodeUnits)) {
    const segments = namespace.split('.');
    let alias = camelCase(segments[segments.length - 1] ?? namespace);
    for (let take = 2; used(alias) && take <= segments.length; take++) alias = camelCase(segments.slice(-take).join('_'));
    for (let suffix = 2; used(alias); suffix++) alias = `${alias}${suffix}`;
    usedAliases.add(alias.toLowerCase());
    namespaceAliases[namespace] = alias;
  }
  return { typeNames, namespaceAliases };
}
