/**
 * Emit stage: model → files (`Map<relativePath, text>`), laid out per
 * `options.layout`: one module per doc namespace (`microsoft.graph.ts`), or
 * one module per declaration in a folder per namespace with index barrels.
 * No file system.
 */
import { hierarchy } from '../model/hierarchy.js';
import type { Declaration, Model, Naming } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { compareCodeUnits } from '../order.js';
import { commentText, identifier } from './escape.js';
import { jsdocDescription } from './jsdoc.js';
import { emitJsonSchemaFiles } from './json-schema.js';
import { EmittedFileMap, fixedPaths, moduleSpecifier, namespaceFileStem, outputPaths, type OutputPaths } from './paths.js';
import { validationPlan } from './plan.js';
import { moduleScope } from './scope.js';
import { tsMorph } from './ts-morph.js';
import { canonicalRef, enumStatements, interfaceStructure, propertyType, type Statement, type TypeContext } from './types.js';
import { emitValidatorFiles } from './validators-module.js';
import { banner, counted } from './banner.js';

export type EmittedFiles = ReadonlyMap<string, string>;

export { namespaceFileStem };

export { banner };

const printOptions = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

/** Groups declarations by namespace; namespaces in code-unit order. */
export function byNamespace(model: Model): Map<string, Declaration[]> {
  const groups = new Map<string, Declaration[]>();
  for (const namespace of [...new Set(model.declarations.map((d) => d.namespace))].sort(compareCodeUnits)) groups.set(namespace, []);
  for (const declaration of model.declarations) groups.get(declaration.namespace)?.push(declaration);
  return groups;
}

/** Properties each object has through its base chain (after overrides), with types printed canonically. */
function inheritedProperties(model: Model, options: EmitOptions) {
  const tree = hierarchy(model);
  const cache = new Map<string, Map<string, string>>();
  return (id: string): Map<string, string> => {
    let result = cache.get(id);
    if (result === undefined) {
      result = new Map(tree.effectiveProperties(id).map((p) => [p.name, propertyType(p, canonicalRef, options)]));
      cache.set(id, result);
    }
    return result;
  };
}

function statementsOf(declaration: Declaration, context: TypeContext): Statement[] {
  return declaration.kind === 'object' ? [interfaceStructure(declaration, context)] : enumStatements(declaration, context);
}

/** Prints each statement on its own and separates them with one blank line. */
function print(header: string, imports: readonly string[], statements: readonly Statement[]): string {
  const { printStructure } = tsMorph();
  const blocks = statements.map((statement) => (typeof statement === 'string' ? statement : printStructure(statement, printOptions).trimEnd()));
  const importText = imports.length > 0 ? `${imports.join('\n')}\n\n` : '';
  return `${header}\n${importText}${blocks.join('\n\n')}\n`;
}

interface Emitter {
  readonly all: ReadonlyMap<string, Declaration>;
  readonly naming: Naming;
  readonly options: EmitOptions;
  readonly paths: OutputPaths;
  /** Shared by every module: canonical types need no module's point of view. */
  readonly inherited: (id: string) => ReadonlyMap<string, string>;
  /** Where links in descriptions lead (model.linkTargets). */
  readonly linkTargets: Readonly<Record<string, string>>;
}

/**
 * A context for one module. `importOf` says how the module reaches a
 * declaration elsewhere: it returns the expression to print and records the
 * import it needs.
 */
function moduleContext(emitter: Emitter, namespace: string, isLocal: (d: Declaration) => boolean, importOf: (d: Declaration) => string): TypeContext {
  const nameOf = (id: string) => emitter.naming.typeNames[id] ?? 'unknown';
  const ref = (id: string): string => {
    const target = emitter.all.get(id);
    if (!target) return 'unknown';
    return isLocal(target) ? nameOf(id) : importOf(target);
  };
  // A `{@link}` names a type of the module's namespace by its name, one of another namespace as the index exports it
  // (`callRecords.CallRecord`); it records no import.
  const linkName = (key: string): string | undefined => {
    const id = Object.hasOwn(emitter.linkTargets, key) ? emitter.linkTargets[key] : undefined;
    const target = id === undefined ? undefined : emitter.all.get(id);
    if (!target) return undefined;
    return target.namespace === namespace ? nameOf(target.id) : `${emitter.naming.namespaceAliases[target.namespace] ?? 'ns'}.${nameOf(target.id)}`;
  };
  const describe = (markdown: string, file: string) => jsdocDescription(markdown, file, linkName);
  return { ref, nameOf, inherited: emitter.inherited, options: emitter.options, describe };
}

/**
 * A module's identifiers: its namespace's type names are taken first (a
 * type module may import any of them), then each imported namespace's alias,
 * made distinct from them, once per namespace.
 */
function typeModuleScope(emitter: Emitter, namespace: string): (other: string) => string {
  const scope = moduleScope();
  for (const [id, name] of Object.entries(emitter.naming.typeNames)) if (emitter.all.get(id)?.namespace === namespace) scope.take(name);
  const aliases = new Map<string, string>();
  return (other) => {
    let alias = aliases.get(other);
    if (alias === undefined) {
      alias = identifier(emitter.naming.namespaceAliases[other] ?? 'ns');
      while (scope.has(alias)) alias = `${alias}_`;
      aliases.set(other, scope.take(alias));
    }
    return alias;
  };
}

function emitNamespaceModule(emitter: Emitter, namespace: string, declarations: readonly Declaration[]): string {
  const aliasOf = typeModuleScope(emitter, namespace);
  const imports = new Map<string, string>();
  const context = moduleContext(
    emitter,
    namespace,
    (d) => d.namespace === namespace,
    (d) => {
      const alias = aliasOf(d.namespace);
      const from = emitter.paths.typeModule(namespace);
      imports.set(`import type * as ${alias} from '${moduleSpecifier(from, emitter.paths.typeModule(d.namespace))}';`, d.namespace);
      return `${alias}.${emitter.naming.typeNames[d.id] ?? 'unknown'}`;
    },
  );
  const sorted = [...declarations].sort((a, b) => compareCodeUnits(context.nameOf(a.id), context.nameOf(b.id)));
  const statements = sorted.flatMap((d) => statementsOf(d, context));
  return print(banner(`Namespace ${namespace}: ${counted(declarations.length, 'declaration')}.`), [...imports.keys()].sort(compareCodeUnits), statements);
}

function emitTypeModule(emitter: Emitter, declaration: Declaration, aliasOf: (other: string) => string): string {
  const imports = new Set<string>();
  const context = moduleContext(
    emitter,
    declaration.namespace,
    (d) => d.id === declaration.id,
    (d) => {
      const name = emitter.naming.typeNames[d.id] ?? 'unknown';
      if (d.namespace === declaration.namespace) {
        imports.add(`import type { ${name} } from './${emitter.paths.typeFileStem(d.namespace, name)}.js';`);
        return name;
      }
      const alias = aliasOf(d.namespace);
      imports.add(`import type * as ${alias} from '../${emitter.paths.stem(d.namespace)}/index.js';`);
      return `${alias}.${name}`;
    },
  );
  const statements = statementsOf(declaration, context);
  return print(banner(`${declaration.id}, from ${declaration.origin.file}.`), [...imports].sort(compareCodeUnits), statements);
}

/**
 * The namespace re-exported flat from the index: the root namespace when one
 * contains all others (`microsoft.graph` for `microsoft.graph.callRecords`),
 * else the one with most declarations (ties: code-unit order).
 */
function primaryNamespace(groups: ReadonlyMap<string, readonly Declaration[]>): string | undefined {
  const namespaces = [...groups.keys()];
  const root = namespaces.find((n) => namespaces.every((other) => other === n || other.startsWith(`${n}.`)));
  return root ?? [...groups.entries()].sort(([a, x], [b, y]) => y.length - x.length || compareCodeUnits(a, b))[0]?.[0];
}

function rootIndex(emitter: Emitter, groups: ReadonlyMap<string, readonly Declaration[]>, specifier: (namespace: string) => string, declarationCount: number): string {
  const namespaces = [...groups.keys()];
  const lines = namespaces.map((n) => `export * as ${identifier(emitter.naming.namespaceAliases[n] ?? 'ns')} from '${specifier(n)}';`);
  const primary = primaryNamespace(groups);
  if (primary !== undefined) lines.unshift(`export * from '${specifier(primary)}';`);
  return `${banner(`Index: ${counted(namespaces.length, 'namespace')}, ${counted(declarationCount, 'declaration')}.`)}\n${lines.join('\n')}\n`;
}

/** The paths a run emits for this model under these options. */
export function emittedPaths(model: Model, naming: Naming, options: Pick<EmitOptions, 'layout'>): OutputPaths {
  const typeNames = new Map<string, string[]>();
  for (const declaration of model.declarations) {
    const list = typeNames.get(declaration.namespace) ?? [];
    list.push(naming.typeNames[declaration.id] ?? '');
    typeNames.set(declaration.namespace, list);
  }
  return outputPaths(typeNames.keys(), typeNames, options.layout);
}

export function emitTypes(model: Model, naming: Naming, options: EmitOptions): EmittedFiles {
  const all = new Map(model.declarations.map((d) => [d.id, d]));
  const paths = emittedPaths(model, naming, options);
  const emitter: Emitter = { all, naming, options, paths, inherited: inheritedProperties(model, options), linkTargets: model.linkTargets };
  const groups = byNamespace(model);
  const files = new EmittedFileMap();
  const specifier = (namespace: string) => moduleSpecifier(fixedPaths.index, paths.typeModule(namespace));
  if (options.layout === 'namespace') {
    for (const [namespace, declarations] of groups) files.set(paths.typeModule(namespace), emitNamespaceModule(emitter, namespace, declarations));
  } else {
    for (const [namespace, declarations] of groups) {
      const nameOf = (d: Declaration) => naming.typeNames[d.id] ?? '';
      const sorted = [...declarations].sort((a, b) => compareCodeUnits(nameOf(a), nameOf(b)));
      // One alias per imported namespace for the whole folder: the same names are taken in each of its modules.
      const aliasOf = typeModuleScope(emitter, namespace);
      for (const declaration of sorted) files.set(`${paths.stem(namespace)}/${paths.typeFileStem(namespace, nameOf(declaration))}.ts`, emitTypeModule(emitter, declaration, aliasOf));
      const barrel = sorted.map((d) => `export * from './${paths.typeFileStem(namespace, nameOf(d))}.js';`).join('\n');
      files.set(paths.typeModule(namespace), `${banner(`Namespace ${namespace}: ${counted(declarations.length, 'declaration')}.`)}\n${barrel}\n`);
    }
  }
  files.set(fixedPaths.index, rootIndex(emitter, groups, specifier, model.declarations.length));
  if (options.validators || options.jsonSchema) {
    const plan = validationPlan(model, options);
    if (options.validators) for (const [path, text] of emitValidatorFiles(plan, naming, options, paths, primaryNamespace(groups), banner)) files.set(path, text);
    if (options.jsonSchema) for (const [path, text] of emitJsonSchemaFiles(plan, options, paths)) files.set(path, text);
  }
  return files.sorted();
}
