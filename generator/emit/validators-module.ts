/**
 * Validator files: one module per namespace (`<ns>.validators.ts` in the
 * namespace layout, `<ns>/index.validators.ts` in the per-type layout) that
 * imports its types with `import type`, plus the runtime module copied from
 * `generator/runtime/validation.ts` (its text comes from `runtime-source.ts`,
 * so emit needs no file system). The type modules re-export the public
 * `isX` / `validateX` names (see `validatorReexport`).
 */
import { printStructure, type FunctionDeclarationStructure, type StatementStructures } from 'ts-morph';
import type { Declaration, Model, Naming } from '../model/ir.js';
import type { EmitOptions } from '../options.js';
import { validationRuntimeSource } from '../runtime/runtime-source.js';
import { identifier } from './escape.js';
import { descendants, moduleNames, publicValidatorNames, sourceLiteral, validatorNames, validatorStatements, type ValidatorContext, type ValidatorNames } from './validators.js';

/** Where the runtime module goes in the output. */
export const runtimeModulePath = 'runtime/validation.ts';

const printOptions = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How files are laid out: supplied by `emit/index.ts`, which owns the layouts. */
export interface ValidatorLayout {
  readonly layout: EmitOptions['layout'];
  /** A namespace as a file or folder name. */
  readonly stem: (namespace: string) => string;
  readonly banner: (what: string) => string;
}

/** Path of a namespace's validators module. */
export function validatorModulePath(layout: ValidatorLayout, namespace: string): string {
  return layout.layout === 'namespace' ? `${layout.stem(namespace)}.validators.ts` : `${layout.stem(namespace)}/index.validators.ts`;
}

/** The statement a namespace's type module (or barrel) appends to re-export the public validators. */
export function validatorReexport(layout: ValidatorLayout, namespace: string, declarations: readonly Declaration[], naming: Naming): string {
  const names = publicValidatorNames(declarations, naming.typeNames);
  const specifier = layout.layout === 'namespace' ? `./${layout.stem(namespace)}.validators.js` : './index.validators.js';
  return `export {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${specifier}';\n`;
}

/** The runtime module as copied into the output. */
export function runtimeModuleText(): string {
  return `// Copied by graphdoc-codegen from generator/runtime/validation.ts. Do not edit by hand.\n\n${validationRuntimeSource}`;
}

function emitNamespace(
  model: { byId: ReadonlyMap<string, Declaration>; derived: ReadonlyMap<string, readonly Declaration[]> },
  namespace: string,
  declarations: readonly Declaration[],
  naming: Naming,
  options: EmitOptions,
  layout: ValidatorLayout,
): string {
  const nameOf = (d: Declaration) => naming.typeNames[d.id] ?? '';
  const namespaceImports = new Map<string, string>();
  const helpers = new Map<string, FunctionDeclarationStructure>();
  const up = layout.layout === 'namespace' ? './' : '../';
  const context: ValidatorContext = {
    options,
    byId: model.byId,
    typeNames: naming.typeNames,
    ref: (declaration: Declaration, pick: (names: ValidatorNames) => string) => {
      const local = pick(validatorNames(nameOf(declaration)));
      if (declaration.namespace === namespace) return local;
      const alias = moduleNames.namespace(naming.namespaceAliases[declaration.namespace] ?? 'ns');
      const specifier = layout.layout === 'namespace' ? `./${layout.stem(declaration.namespace)}.validators.js` : `../${layout.stem(declaration.namespace)}/index.validators.js`;
      namespaceImports.set(alias, `import * as ${alias} from '${specifier}';`);
      return `${alias}.${local}`;
    },
    source: () => {
      throw new Error('internal: sources are registered by contextWithSources');
    },
    helper: (key, make) => {
      const existing = helpers.get(key);
      if (existing) return existing.name ?? '';
      const name = moduleNames.helper(helpers.size + 1);
      helpers.set(key, make(name));
      return name;
    },
  };
  const sources = new Map<string, string>();
  const contextWithSources: ValidatorContext = {
    ...context,
    source: (property) => {
      const literal = sourceLiteral(property);
      const existing = sources.get(literal);
      if (existing) return existing;
      const name = moduleNames.source(sources.size + 1);
      sources.set(literal, name);
      return name;
    },
  };
  const sorted = [...declarations].sort((a, b) => compareCodeUnits(nameOf(a), nameOf(b)));
  const statements: (string | StatementStructures)[] = [];
  for (const declaration of sorted) {
    const derived = (model.derived.get(declaration.id) ?? []).filter((d) => d.kind === 'object');
    statements.push(...validatorStatements(declaration, identifier(nameOf(declaration)), derived, contextWithSources));
  }
  statements.push(...[...helpers.values()]);
  if (sources.size > 0) statements.push([...sources.entries()].map(([literal, name]) => `const ${name}: ${moduleNames.runtime}.Source = ${literal};`).join('\n'));
  const typeNames = sorted.map(nameOf);
  const typeImports =
    layout.layout === 'namespace'
      ? [`import type {\n${typeNames.map((n) => `  ${n},`).join('\n')}\n} from './${layout.stem(namespace)}.js';`]
      : typeNames.map((n) => `import type { ${n} } from './${n}.js';`);
  statements.unshift('const hasOwn = Object.prototype.hasOwnProperty;');
  const imports = [
    ...typeImports,
    `import * as ${moduleNames.runtime} from '${up}${runtimeModulePath.replace(/\.ts$/, '.js')}';`,
    ...[...namespaceImports.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, line]) => line),
  ];
  const header = layout.banner(`Validators for namespace ${namespace}: isX and validateX for ${declarations.length} declarations.`);
  // Each statement printed on its own, one blank line between, as the type modules are.
  const blocks = statements.map((statement) => (typeof statement === 'string' ? statement : printStructure(statement, printOptions).trimEnd()));
  return `${header}\n${imports.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

/** Every validators module and the runtime module, by output path. */
export function emitValidatorFiles(model: Model, naming: Naming, options: EmitOptions, layout: ValidatorLayout, groups: ReadonlyMap<string, readonly Declaration[]>): Map<string, string> {
  const byId = new Map(model.declarations.map((d) => [d.id, d]));
  const derived = descendants(byId);
  const files = new Map<string, string>();
  for (const [namespace, declarations] of groups) {
    files.set(validatorModulePath(layout, namespace), emitNamespace({ byId, derived }, namespace, declarations, naming, options, layout));
  }
  files.set(runtimeModulePath, runtimeModuleText());
  return files;
}
