/**
 * Validators follow the emit options the types follow (policy.ts): Int64
 * mapping, nullability, both layouts, every enum style; and the output
 * type-checks under --strict with each combination.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { EmitOptions } from '../../generator/options.js';
import { generate } from '../../generator/pipeline.js';
import { compile, pathsAndCodes, projectRoot, readSpecPages } from './harness.js';

const fixtures = readSpecPages(join(projectRoot, 'test/validators/fixtures'));

describe('Int64 mapping', () => {
  it.each<[EmitOptions['int64Mapping'], unknown, string[]]>([
    ['number', 512, []],
    ['number', '512', ['type']],
    ['string', '512', []],
    ['string', '9223372036854775807', []],
    ['string', '9223372036854775808', ['format']],
    ['string', 512, ['type']],
    ['number-or-string', 512, []],
    ['number-or-string', '512', []],
    ['number-or-string', 1.5, ['type']],
    ['number-or-string', true, ['type']],
  ])('%s: %j → %j', async (int64Mapping, storageBytes, codes) => {
    const compiled = await compile(fixtures, { int64Mapping });
    try {
      expect(compiled.validate('Device')({ storageBytes }).map((i) => i.code)).toEqual(codes);
      expect(compiled.is('Device')({ storageBytes })).toBe(codes.length === 0);
    } finally {
      compiled.dispose();
    }
  });
});

describe('nullability', () => {
  it.each<[EmitOptions['nullability'], { path: string; code: string }[]]>([
    ['documented', [{ path: '/displayName', code: 'null' }]],
    ['always', []],
    ['never', [{ path: '/displayName', code: 'null' }, { path: '/kind', code: 'null' }]],
  ])('%s', async (nullability, want) => {
    const compiled = await compile(fixtures, { nullability });
    try {
      expect(pathsAndCodes(compiled.validate('Device')({ displayName: null, kind: null, tags: [] }))).toEqual(want);
    } finally {
      compiled.dispose();
    }
  });
});

describe('layout "type"', () => {
  it('emits one validators module per namespace folder, re-exported by the barrel, with the same behaviour', async () => {
    const compiled = await compile(fixtures, { layout: 'type' });
    try {
      expect([...compiled.result.files.keys()].filter((p) => p.includes('validators') || p.startsWith('runtime'))).toEqual([
        'microsoft.graph.callRecords/index.validators.ts',
        'microsoft.graph/index.validators.ts',
        'runtime/validation.ts',
      ]);
      expect(compiled.result.files.get('microsoft.graph/index.ts')).toContain("} from './index.validators.js';");
      expect(pathsAndCodes(compiled.validate('Session')({ device: { '@odata.type': '#microsoft.graph.phone', phoneNumber: 5 } }))).toEqual([{ path: '/device/phoneNumber', code: 'type' }]);
    } finally {
      compiled.dispose();
    }
  });
});

function typeCheck(files: ReadonlyMap<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-options-'));
  try {
    for (const [path, text] of files) {
      if (!path.endsWith('.ts')) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(
      join(dir, 'use.ts'),
      [
        "import { isDevice, validateDevice, callRecords, type Device } from './index.js';",
        'declare const input: unknown;',
        'if (isDevice(input)) { const device: Device = input; void device; }',
        'const issues = validateDevice(input, { formats: { uuid: false }, unknownProperties: "ignore", maxDepth: 8 });',
        'const paths: string[] = issues.map((i) => i.path);',
        'void paths; void callRecords.isSession(input);',
      ].join('\n'),
    );
    const roots = [...files.keys()].filter((p) => p.endsWith('.ts')).map((p) => join(dir, p));
    const program = ts.createProgram([...roots, join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitReturns: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    return (
      ts
        .getPreEmitDiagnostics(program)
        // noUnusedLocals is for the validator modules and the runtime; the type modules of the per-type layout import types they do not print (reported).
        .filter((d) => d.code !== 6133 || /validat|use\.ts/.test(d.file?.fileName ?? ''))
        .map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('generated validators type-check under --strict', () => {
  const combinations: Partial<EmitOptions>[] = [
    {},
    { layout: 'type' },
    { enumStyle: 'union', int64Mapping: 'string' },
    { enumStyle: 'enum', int64Mapping: 'number-or-string', nullability: 'never' },
    { dateMapping: 'branded', nullability: 'always', layout: 'type' },
  ];
  it.each(combinations)('%j', (options) => {
    const { files } = generate([...fixtures, ...readSpecPages(join(projectRoot, 'specs'))], { validators: true, ...options });
    expect(typeCheck(files)).toEqual([]);
  });

  it('emits nothing for validators when they are switched off', () => {
    const { files } = generate(fixtures, { validators: false });
    expect([...files.keys()].some((p) => p.includes('validat'))).toBe(false);
    expect(files.get('microsoft.graph.ts')).not.toContain('validators');
  });
});
