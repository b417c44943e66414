/**
 * Type-checks generated files with the TypeScript compiler API under every
 * strict flag people use (those of `--strict`, Vite's templates and
 * `@tsconfig/strictest`), so that the output compiles in any consumer
 * project; returns formatted errors. `erasableSyntaxOnly` (Node's type
 * stripping) is left out for `enumStyle: 'enum'`, whose TypeScript `enum`s it
 * refuses by design.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { EmitOptions } from '../../generator/options.js';

/** The compiler options of a strict ES-module consumer project (no emit). */
export function strictOptions(enumStyle: EmitOptions['enumStyle'] = 'const-object'): ts.CompilerOptions {
  return {
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitReturns: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    erasableSyntaxOnly: enumStyle !== 'enum',
  };
}

export function typeCheck(files: ReadonlyMap<string, string>, extra: ts.CompilerOptions = {}, enumStyle: EmitOptions['enumStyle'] = 'const-object'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-typecheck-'));
  try {
    // The output is ES modules (`import … from './x.js'`), as in a project with "type": "module".
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const program = ts.createProgram(
      [...files.keys()].filter((p) => p.endsWith('.ts')).map((p) => join(dir, p)),
      { ...strictOptions(enumStyle), ...extra },
    );
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
    return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
