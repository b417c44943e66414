/**
 * Validators follow the emit options the types follow (policy.ts): Int64
 * mapping, nullability, both layouts, every enum style; and the output, with
 * a consumer, type-checks under every strict flag with each combination.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmitOptions } from '../../generator/options.js';
import { generate } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';
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
  it('emits one validators module per namespace folder, exported by the validators entry only, with the same behaviour', async () => {
    const compiled = await compile(fixtures, { layout: 'type' });
    try {
      expect([...compiled.result.files.keys()].filter((p) => p.includes('validators') || p.startsWith('runtime'))).toEqual([
        'microsoft.graph.callRecords/index.validators.ts',
        'microsoft.graph/index.validators.ts',
        'runtime/validation.ts',
        'validators.ts',
      ]);
      // Type modules and barrels never import validators.
      expect([...compiled.result.files].filter(([path, text]) => !path.includes('validat') && text.includes('validators'))).toEqual([]);
      expect(compiled.result.files.get('validators.ts')).toContain("export * as callRecords from './microsoft.graph.callRecords/index.validators.js';");
      expect(pathsAndCodes(compiled.validate('Session')({ device: { '@odata.type': '#microsoft.graph.phone', phoneNumber: 5 } }))).toEqual([{ path: '/device/phoneNumber', code: 'type' }]);
    } finally {
      compiled.dispose();
    }
  });
});

/** The generated files plus a consumer that uses types, validators and options, type-checked under every strict flag. */
function typeCheckWithConsumer(files: ReadonlyMap<string, string>, enumStyle: EmitOptions['enumStyle']): string[] {
  const consumer = [
    "import type { Device } from './index.js';",
    "import { isDevice, validateDevice, callRecords, type ValidationIssue } from './validators.js';",
    'declare const input: unknown;',
    'if (isDevice(input)) { const device: Device = input; void device; }',
    'const issues: ValidationIssue[] = validateDevice(input, { formats: { uuid: false }, unknownProperties: "report", maxDepth: 8 });',
    'const paths: string[] = issues.map((i) => i.path);',
    'void paths; void callRecords.isSession(input);',
    '',
  ].join('\n');
  return typeCheck(new Map([...files, ['use.ts', consumer]]), {}, enumStyle);
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
    expect(typeCheckWithConsumer(files, options.enumStyle ?? 'const-object')).toEqual([]);
  });

  it('emits nothing for validators when they are switched off', () => {
    const { files } = generate(fixtures, { validators: false });
    expect([...files.keys()].some((p) => p.includes('validat'))).toBe(false);
    expect(files.get('microsoft.graph.ts')).not.toContain('validators');
  });
});
