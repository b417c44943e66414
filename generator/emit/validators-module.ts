/**
 * Validator files: one module per namespace (`<ns>.validators.ts`, or
 * `<ns>/index.validators.ts` in the per-type layout) that imports its types
 * with `import type` only; the entry `validators.ts`, which exports every
 * namespace's `isX` / `validateX` (the root namespace flat, the others as
 * namespace objects, as `index.ts` does for types) and the runtime's public
 * types; and the runtime module, copied from `generator/runtime/validation.ts`
 * (its text comes from `runtime-source.ts`, so that emit needs no file
 * system). Type modules never import validators: a project that imports
 * only types compiles only types.
 */
import type { Naming } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { compareCodeUnits } from '../order.js';
import { validationRuntimeSource } from '../runtime/runtime-source.js';
import { counted } from './banner.js';
import { moduleSpecifier, fixedPaths, type OutputPaths } from './paths.js';
import type { DeclarationPlan, PlanType, ValidationPlan } from './plan.js';
import { moduleScope, type ModuleScope } from './scope.js';
import { declarationNames, moduleStatements, namespaceImportAlias, runtimeAlias, validatorNames, type ModuleContext } from './validators.js';

/** The runtime module as copied into the output. */
export function runtimeModuleText(): string {
  return `// Copied by graphdoc-codegen from generator/runtime/validation.ts. Do not edit by hand.\n\n${validationRuntimeSource}`;
}

/** Ids of the declarations a type's validators refer to: property types, base, derived types. */
function references(declaration: DeclarationPlan): string[] {
  if (declaration.kind === 'enum') return [];
  const ids: string[] = [...(declaration.baseId !== undefined ? [declaration.baseId] : []), ...declaration.children];
  const visit = (type: PlanType): void => {
    if (type.kind === 'ref') ids.push(type.id);
    else if (type.kind === 'collection') visit(type.element);
  };
  for (const property of [...declaration.ownProperties, ...declaration.checkedProperties]) visit(property.type);
  return ids;
}

/** Declarations whose internals another namespace's module uses. */
function crossNamespaceReferences(plan: ValidationPlan): Set<string> {
  const result = new Set<string>();
  for (const declaration of plan.declarations) {
    for (const id of references(declaration)) if (plan.byId.get(id)?.namespace !== declaration.namespace) result.add(id);
  }
  return result;
}

interface FilesContext {
  readonly plan: ValidationPlan;
  readonly naming: Naming;
  readonly options: EmitOptions;
  readonly paths: OutputPaths;
  readonly banner: (what: string) => string;
  readonly exported: ReadonlySet<string>;
}

function emitNamespace(files: FilesContext, namespace: string, declarations: readonly DeclarationPlan[]): string {
  const { naming, paths } = files;
  const typeName = (id: string) => naming.typeNames[id] ?? '';
  const path = paths.validatorModule(namespace);
  const scope: ModuleScope = moduleScope();
  scope.take(runtimeAlias);
  const sorted = [...declarations].sort((a, b) => compareCodeUnits(typeName(a.id), typeName(b.id)));
  for (const declaration of sorted) scope.take(typeName(declaration.id));
  for (const declaration of sorted) for (const name of declarationNames(declaration, validatorNames(typeName(declaration.id)))) scope.take(name);
  const namespaceImports = new Map<string, string>();
  const aliasOf = (other: string): string => {
    let alias = namespaceImports.get(other);
    if (alias === undefined) {
      let wanted = namespaceImportAlias(naming.namespaceAliases[other] ?? 'ns');
      while (scope.has(wanted)) wanted = `${wanted}_`;
      alias = scope.take(wanted);
      namespaceImports.set(other, alias);
    }
    return alias;
  };
  const context: ModuleContext = {
    options: files.options,
    plan: files.plan,
    scope,
    typeName,
    ref: (id, pick) => {
      const target = files.plan.byId.get(id);
      if (target === undefined) throw new Error(`internal: no declaration ${id}`);
      const local = pick(validatorNames(typeName(id)));
      return target.namespace === namespace ? local : `${aliasOf(target.namespace)}.${local}`;
    },
    exported: (id) => files.exported.has(id),
  };
  const statements = moduleStatements(sorted, context);
  const typeNames = sorted.map((d) => typeName(d.id));
  const imports = [
    `import type {\n${typeNames.map((n) => `  ${n},`).join('\n')}\n} from '${moduleSpecifier(path, paths.typeModule(namespace))}';`,
    `import * as ${runtimeAlias} from '${moduleSpecifier(path, fixedPaths.runtime)}';`,
    ...[...namespaceImports.entries()]
      .sort(([, a], [, b]) => compareCodeUnits(a, b))
      .map(([other, alias]) => `import * as ${alias} from '${moduleSpecifier(path, paths.validatorModule(other))}';`),
  ];
  const header = files.banner(`Validators for namespace ${namespace}: isX and validateX for ${counted(declarations.length, 'declaration')}.`);
  return `${header}\n${imports.join('\n')}\n\n${statements.join('\n\n')}\n`;
}

/**
 * `validators.ts`: the primary namespace's isX / validateX by name, every
 * other namespace as a namespace object, and the runtime's public names.
 */
function entryModule(files: FilesContext, groups: ReadonlyMap<string, readonly DeclarationPlan[]>, primary: string | undefined): string {
  const { naming, paths } = files;
  const scope = moduleScope();
  const lines: string[] = [];
  const runtime = moduleSpecifier(fixedPaths.validators, fixedPaths.runtime);
  const runtimeValues = ['formats'];
  const runtimeTypes = ['IssueCode', 'ValidateOptions', 'ValidationIssue'];
  for (const name of [...runtimeValues, ...runtimeTypes]) scope.take(name);
  if (primary !== undefined) {
    const names = [...(groups.get(primary) ?? [])]
      .map((d) => naming.typeNames[d.id] ?? '')
      .sort(compareCodeUnits)
      .flatMap((n) => {
        const names = validatorNames(n);
        return [scope.take(names.is), scope.take(names.validate)];
      });
    lines.push(`export {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${moduleSpecifier(fixedPaths.validators, paths.validatorModule(primary))}';`);
  }
  for (const namespace of groups.keys()) {
    if (namespace === primary) continue;
    let alias = naming.namespaceAliases[namespace] ?? 'ns';
    while (scope.has(alias)) alias = `${alias}_`;
    lines.push(`export * as ${scope.take(alias)} from '${moduleSpecifier(fixedPaths.validators, paths.validatorModule(namespace))}';`);
  }
  lines.push(`export { ${runtimeValues.join(', ')} } from '${runtime}';`, `export type { ${runtimeTypes.join(', ')} } from '${runtime}';`);
  const count = [...groups.values()].reduce((n, list) => n + list.length, 0);
  return `${files.banner(`Validators entry: isX and validateX for ${counted(groups.size, 'namespace')}, ${counted(count, 'declaration')}.`)}\n${lines.join('\n')}\n`;
}

/** Every validators module, the entry and the runtime module, by output path. */
export function emitValidatorFiles(
  plan: ValidationPlan,
  naming: Naming,
  options: EmitOptions,
  paths: OutputPaths,
  primary: string | undefined,
  banner: (what: string) => string,
): Map<string, string> {
  const groups = new Map<string, DeclarationPlan[]>();
  for (const declaration of plan.declarations) {
    const list = groups.get(declaration.namespace) ?? [];
    list.push(declaration);
    groups.set(declaration.namespace, list);
  }
  const sortedGroups = new Map([...groups.entries()].sort(([a], [b]) => compareCodeUnits(a, b)));
  const files: FilesContext = { plan, naming, options, paths, banner, exported: crossNamespaceReferences(plan) };
  const result = new Map<string, string>();
  for (const [namespace, declarations] of sortedGroups) result.set(paths.validatorModule(namespace), emitNamespace(files, namespace, declarations));
  result.set(fixedPaths.validators, entryModule(files, sortedGroups, primary));
  result.set(fixedPaths.runtime, runtimeModuleText());
  return result;
}
