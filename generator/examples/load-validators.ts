/**
 * Loads generated validators so that they can run: transpiles the generated
 * TypeScript (with the compiler ts-morph bundles) into a temporary directory
 * as ES modules and imports them. What runs is the generated code itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';

/** A loaded module's exports. */
export type ModuleExports = Readonly<Record<string, unknown>>;

export interface LoadedModules {
  /** Imports one generated module by its output path (`microsoft.graph.validators.ts`). */
  readonly load: (path: string) => Promise<ModuleExports>;
  /** Removes the temporary directory. */
  readonly dispose: () => void;
}

/** Transpiles every `.ts` file of `files` (output path → text) into a fresh temporary directory. */
export function transpileToTemp(files: ReadonlyMap<string, string>): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-validators-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    const output = ts.transpileModule(text, {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
    }).outputText;
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  return {
    load: async (path) => (await import(pathToFileURL(join(dir, path.replace(/\.ts$/, '.js'))).href)) as ModuleExports,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
