/** Type-checks generated files under `--strict` with the TypeScript compiler API; returns formatted errors. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export function typeCheck(files: ReadonlyMap<string, string>, extra: ts.CompilerOptions = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-typecheck-'));
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const program = ts.createProgram(
      [...files.keys()].map((p) => join(dir, p)),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        types: [],
        ...extra,
      },
    );
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
    return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
