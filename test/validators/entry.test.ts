/**
 * Where validators are imported from, and what a project that imports only
 * types pays: type modules never import validators, so a consumer of types
 * compiles types only; validators come from `validators.ts`. Open types get
 * no index signature unless asked (`indexSignatures`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { EmitOptions } from '../../generator/options.js';
import { generate } from '../../generator/pipeline.js';
import { transpileToTemp } from '../../generator/examples/load-validators.js';
import { strictOptions } from '../helpers/typecheck.js';
import { projectRoot, readSpecPages } from './harness.js';

const pages = readSpecPages(join(projectRoot, 'test/validators/fixtures'));

/** Compiles `consumer` against the generated files; returns the errors and the generated files the program loaded. */
function compileConsumer(files: ReadonlyMap<string, string>, consumer: string): { errors: string[]; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-entry-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, 'generated', path)), { recursive: true });
      writeFileSync(join(dir, 'generated', path), text);
    }
    writeFileSync(join(dir, 'consumer.ts'), consumer);
    const program = ts.createProgram([join(dir, 'consumer.ts')], strictOptions());
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    const loaded = program
      .getSourceFiles()
      .map((f) => relative(join(dir, 'generated'), f.fileName))
      .filter((f) => !f.startsWith('..'))
      .sort();
    return { errors, loaded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('types never pull validators in', () => {
  it.each<EmitOptions['layout']>(['namespace', 'type'])('layout %s: no type module or barrel mentions validators', (layout) => {
    const { files } = generate(pages, { layout });
    expect([...files].filter(([path, text]) => !path.includes('validat') && /validat/.test(text)).map(([path]) => path)).toEqual([]);
  });

  it('a consumer that imports only types compiles only type modules', () => {
    const { files } = generate(pages);
    const { errors, loaded } = compileConsumer(files, "import type { Device, callRecords } from './generated/index.js';\nexport const name = (d: Device, s: callRecords.Session): string => `${d.displayName ?? ''}${s.id ?? ''}`;\n");
    expect(errors).toEqual([]);
    expect(loaded).toEqual(['index.ts', 'microsoft.graph.callRecords.ts', 'microsoft.graph.ts']);
  });

  it('a consumer of validators imports them, and the runtime\'s public types, from validators.ts', async () => {
    const { files } = generate(pages);
    const consumer = [
      "import type { Device } from './generated/index.js';",
      "import { callRecords, formats, isDevice, validateDevice, type IssueCode, type ValidateOptions, type ValidationIssue } from './generated/validators.js';",
      "const options: ValidateOptions = { unknownProperties: 'report' };",
      'export const check = (value: unknown): Device | ValidationIssue[] => (isDevice(value, options) ? value : validateDevice(value, options));',
      "export const codes = (issues: readonly ValidationIssue[]): IssueCode[] => issues.map((i) => i.code);",
      "export const session = (value: unknown): boolean => callRecords.isSession(value) && formats.uuid('x');",
      '',
    ].join('\n');
    const { errors, loaded } = compileConsumer(files, consumer);
    expect(errors).toEqual([]);
    expect(loaded).toContain('validators.ts');
    const modules = transpileToTemp(files);
    try {
      const entry = await modules.load('validators.ts');
      expect(Object.keys(entry).filter((k) => !k.startsWith('is') && !k.startsWith('validate')).sort()).toEqual(['callRecords', 'formats']);
      const session = (entry['callRecords'] as Record<string, (value: unknown) => boolean>)['isSession'];
      expect(session?.({ device: { '@odata.type': '#microsoft.graph.phone', phoneNumber: '1' } })).toBe(true);
    } finally {
      modules.dispose();
    }
  });
});

describe('open types', () => {
  const consumer = "import type { DeviceSettings } from './generated/index.js';\nexport const settings: DeviceSettings = { locale: 'en', colour: 'blue' };\n";

  it('have no index signature by default: a misspelt or undocumented property does not compile', () => {
    const { files } = generate(pages);
    expect(files.get('microsoft.graph.ts')).not.toContain('[property: string]: unknown');
    expect(compileConsumer(files, consumer).errors.join('\n')).toContain("'colour' does not exist in type 'DeviceSettings'");
  });

  it('get one with indexSignatures', () => {
    const { files } = generate(pages, { indexSignatures: true });
    expect(files.get('microsoft.graph.ts')).toContain('[property: string]: unknown');
    expect(compileConsumer(files, consumer).errors).toEqual([]);
  });
});
