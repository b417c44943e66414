/**
 * Test harness: generates validators from pages in memory, transpiles and
 * imports them, and gives typed access to `isX` / `validateX` by type name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpileToTemp, type LoadedModules, type ModuleExports } from '../../generator/examples/load-validators.js';
import { emittedPaths, emitTypes } from '../../generator/emit/index.js';
import type { Model } from '../../generator/model/ir.js';
import { assignNames } from '../../generator/model/names.js';
import { defaultEmitOptions, type EmitOptions } from '../../generator/options.js';
import { generate, type GenerateResult, type Page } from '../../generator/pipeline.js';
import type { ValidateOptions, ValidationIssue } from '../../generator/runtime/validation.js';

export type Is = (value: unknown, options?: ValidateOptions) => boolean;
export type Validate = (value: unknown, options?: ValidateOptions) => ValidationIssue[];

export interface Compiled {
  readonly result: GenerateResult;
  readonly is: (typeName: string) => Is;
  readonly validate: (typeName: string) => Validate;
  readonly dispose: () => void;
}

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function readSpecPages(dir: string): Page[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => ({ path: n, text: readFileSync(join(dir, n), 'utf8') }));
}

/** Generates, transpiles and imports validators for `pages`; look functions up by TypeScript type name in any namespace. */
export async function compile(pages: readonly Page[], options: Partial<EmitOptions> = {}): Promise<Compiled> {
  return load(generate(pages, { validators: true, ...options }), options);
}

/** The same from a model built by hand (shapes the docs' rules never produce, which emit must still handle). */
export async function compileModel(model: Model, options: Partial<EmitOptions> = {}): Promise<Compiled> {
  const naming = assignNames(model);
  const files = emitTypes(model, naming, { ...defaultEmitOptions, validators: true, ...options });
  return load({ files, model, naming, diagnostics: [], quirks: {}, placeholders: 0 }, options);
}

async function load(result: GenerateResult, options: Partial<EmitOptions>): Promise<Compiled> {
  const paths = emittedPaths(result.model, result.naming, { layout: options.layout ?? 'namespace' });
  const loaded: LoadedModules = transpileToTemp(result.files);
  const exports = new Map<string, unknown>();
  try {
    for (const namespace of new Set(result.model.declarations.map((d) => d.namespace))) {
      const module: ModuleExports = await loaded.load(paths.validatorModule(namespace));
      for (const [name, value] of Object.entries(module)) exports.set(name, value);
    }
  } catch (error) {
    loaded.dispose();
    throw error;
  }
  const lookup = <T>(name: string): T => {
    const found = exports.get(name);
    if (typeof found !== 'function') throw new Error(`no generated function ${name}`);
    return found as T;
  };
  return { result, is: (t) => lookup<Is>(`is${t}`), validate: (t) => lookup<Validate>(`validate${t}`), dispose: loaded.dispose };
}

/** The `{path, code}` pairs of issues, sorted, for exact set comparison. */
export function pathsAndCodes(issues: readonly ValidationIssue[]): { path: string; code: string }[] {
  return issues.map(({ path, code }) => ({ path, code })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
