/**
 * check-examples: validates the example requests and responses of API pages
 * with the validators generated from the resource pages. The validators are
 * the generated code itself (generated in memory, transpiled, imported), so
 * this exercises exactly what users get.
 *
 * Each problem prints as `file:line:column  message  (path)`, the position
 * being the JSON value's inside the markdown; then one summary line with the
 * counts: found = checked + skipped, checked = passed + failed.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { emittedPaths } from '../emit/index.js';
import { formatDiagnostic } from '../diagnostics.js';
import { jsonValue } from '../extract.js';
import { readSpecs } from '../specs.js';
import type { Declaration } from '../model/ir.js';
import { generate, type GenerateResult, type Page } from '../pipeline.js';
import type { ValidateOptions, ValidationIssue } from '../runtime/validation.js';
import { findExamples, locate, type Example } from './find-examples.js';
import { transpileToTemp, type LoadedModules } from './load-validators.js';

export interface CheckExamplesOptions {
  /** Directory of resource pages the validators are generated from. */
  readonly specs: string;
  /** Directory of API pages whose examples are checked. */
  readonly examples: string;
  readonly format: 'text' | 'json';
}

export interface CheckExamplesIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Why an example was not checked. */
export const skipReasons = {
  'expect-error': 'the annotation says it is an error response (expectError)',
  'is-empty': 'the annotation says the body is empty (isEmpty)',
  'no-type': 'the annotation names no type',
  'primitive-type': 'the annotation names a primitive type or a stream',
  'unknown-type': 'the named type is not defined by the resource pages',
  'no-body': 'the block has no body',
  'not-json': 'the body is not JSON (Content-Type)',
  'truncated-json': 'the body is truncated and not complete JSON (truncated)',
} as const;

export type SkipReason = keyof typeof skipReasons;

export interface Problem {
  readonly line: number;
  readonly column: number;
  /** JSON Pointer into the body. */
  readonly path: string;
  /** A validation issue code, or `json` for a body that does not parse. */
  readonly code: ValidationIssue['code'] | 'json';
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly source?: ValidationIssue['source'];
}

export interface ExampleResult {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly blockType: 'request' | 'response';
  readonly typeName?: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly reason?: SkipReason;
  readonly problems: readonly Problem[];
}

export interface CheckCounts {
  readonly found: number;
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly skippedBy: Readonly<Partial<Record<SkipReason, number>>>;
}

export interface CheckReport {
  readonly results: readonly ExampleResult[];
  readonly counts: CheckCounts;
}

type ValidateFunction = (value: unknown, options?: ValidateOptions) => ValidationIssue[];

const primitivePattern = /^(?:edm\.)?(?:binary|boolean|byte|date|datetimeoffset|decimal|double|duration|guid|int16|int32|int64|sbyte|single|stream|string|timeofday)$/i;

/** Resolves an annotation's type name: `microsoft.graph.user`, `#microsoft.graph.user`, `Collection(microsoft.graph.site)`; exact, then case-insensitive. */
export function resolveExampleType(
  typeName: string,
  declarations: ReadonlyMap<string, Declaration>,
  lowerIds: ReadonlyMap<string, string>,
): { kind: 'declaration'; declaration: Declaration; collection: boolean } | { kind: 'primitive' } | { kind: 'unknown' } {
  let name = typeName.trim();
  let collection = false;
  const wrapped = /^collection\s*\((.*)\)$/i.exec(name);
  if (wrapped) {
    name = (wrapped[1] ?? '').trim();
    collection = true;
  }
  name = name.replace(/^#/, '');
  if (primitivePattern.test(name)) return { kind: 'primitive' };
  const id = declarations.has(name) ? name : lowerIds.get(name.toLowerCase());
  const declaration = id === undefined ? undefined : declarations.get(id);
  return declaration ? { kind: 'declaration', declaration, collection } : { kind: 'unknown' };
}

function problemsOf(issues: readonly ValidationIssue[], example: Example, prefix: string): Problem[] {
  const json = example.body.kind === 'json' ? example.body.json : undefined;
  return issues.map((issue) => {
    const path = `${prefix}${issue.path}`;
    const at = json ? locate(json, path) : { line: example.line, column: example.column };
    return {
      line: at.line,
      column: at.column,
      path,
      code: issue.code,
      message: issue.message,
      ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
      ...(issue.received !== undefined ? { received: issue.received } : {}),
      ...(issue.source !== undefined ? { source: issue.source } : {}),
    };
  });
}

/** Validates one example's body; returns the problems (empty: passed). */
function validateBody(example: Example, body: unknown, validate: ValidateFunction, collection: boolean): Problem[] {
  if (!collection) return problemsOf(validate(body), example, '');
  const items = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.hasOwn(body, 'value') ? (body as Record<string, unknown>)['value'] : undefined;
  if (!Array.isArray(items)) {
    const at = example.body.kind === 'json' ? example.body.json : example;
    return [{ line: at.line, column: at.column, path: '', code: 'type', message: 'expected an object with a "value" array (a collection)', expected: 'object with value array', received: Array.isArray(body) ? 'array' : typeof body }];
  }
  return items.flatMap((item, index) => problemsOf(validate(item), example, `/value/${index}`));
}

/** Checks every example of `examplePages` against validators generated from `specPages`. */
export async function checkExamples(specPages: readonly Page[], examplePages: readonly Page[]): Promise<CheckReport> {
  return checkExamplesWith(generate(specPages, { validators: true, layout: 'namespace', jsonSchema: false }), examplePages);
}

/** Checks every example of `examplePages` against validators already generated (namespace layout), e.g. shared between tests. */
export async function checkExamplesWith(generated: Pick<GenerateResult, 'files' | 'model' | 'naming'>, examplePages: readonly Page[]): Promise<CheckReport> {
  const paths = emittedPaths(generated.model, generated.naming, { layout: 'namespace' });
  const declarations = new Map(generated.model.declarations.map((d) => [d.id, d]));
  const lowerIds = new Map<string, string>();
  for (const id of [...declarations.keys()].sort().reverse()) lowerIds.set(id.toLowerCase(), id);
  const loaded: LoadedModules = transpileToTemp(generated.files);
  try {
    const validators = new Map<string, ValidateFunction>();
    for (const namespace of new Set(generated.model.declarations.map((d) => d.namespace))) {
      const module = await loaded.load(paths.validatorModule(namespace));
      for (const declaration of generated.model.declarations.filter((d) => d.namespace === namespace)) {
        const fn = module[`validate${generated.naming.typeNames[declaration.id] ?? ''}`];
        // The docs are checked, so properties they do not document are reported (validators ignore them by default).
        if (typeof fn === 'function') validators.set(declaration.id, (value) => (fn as ValidateFunction)(value, { unknownProperties: 'report' }));
      }
    }
    const results: ExampleResult[] = [];
    for (const page of [...examplePages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      for (const example of findExamples(page.path, page.text)) results.push(checkOne(example, declarations, lowerIds, validators));
    }
    return { results, counts: countResults(results) };
  } finally {
    loaded.dispose();
  }
}

function checkOne(example: Example, declarations: ReadonlyMap<string, Declaration>, lowerIds: ReadonlyMap<string, string>, validators: ReadonlyMap<string, ValidateFunction>): ExampleResult {
  const base = {
    file: example.file,
    line: example.line,
    column: example.column,
    blockType: example.blockType,
    ...(example.typeName !== undefined ? { typeName: example.typeName } : {}),
  };
  const skip = (reason: SkipReason): ExampleResult => ({ ...base, status: 'skipped', reason, problems: [] });
  if (example.expectError) return skip('expect-error');
  if (example.isEmpty) return skip('is-empty');
  if (example.typeName === undefined) return skip('no-type');
  const resolved = resolveExampleType(example.typeName, declarations, lowerIds);
  if (resolved.kind === 'primitive') return skip('primitive-type');
  const validate = resolved.kind === 'declaration' ? validators.get(resolved.declaration.id) : undefined;
  if (resolved.kind === 'unknown' || validate === undefined) return skip('unknown-type');
  const body = example.body;
  switch (body.kind) {
    case 'none':
      return skip('no-body');
    case 'not-json':
      return skip('not-json');
    case 'invalid': {
      if (example.truncated) return skip('truncated-json');
      const problem: Problem = { line: body.error.line, column: body.error.column, path: '', code: 'json', message: `the body is not valid JSON: ${body.error.message}` };
      return { ...base, status: 'failed', problems: [problem] };
    }
    case 'json': {
      const problems = validateBody(example, jsonValue(body.json), validate, resolved.collection || example.isCollection);
      return { ...base, status: problems.length === 0 ? 'passed' : 'failed', problems };
    }
    default: {
      const never: never = body;
      throw new Error(`internal: unhandled body ${JSON.stringify(never)}`);
    }
  }
}

export function countResults(results: readonly ExampleResult[]): CheckCounts {
  const skippedBy: Partial<Record<SkipReason, number>> = {};
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of results) {
    if (result.status === 'passed') passed++;
    else if (result.status === 'failed') failed++;
    else {
      skipped++;
      if (result.reason) skippedBy[result.reason] = (skippedBy[result.reason] ?? 0) + 1;
    }
  }
  return { found: results.length, checked: passed + failed, passed, failed, skipped, skippedBy };
}

export function summaryLine(counts: CheckCounts): string {
  const reasons = (Object.keys(skipReasons) as SkipReason[])
    .filter((r) => (counts.skippedBy[r] ?? 0) > 0)
    .map((r) => `${r} ${counts.skippedBy[r] ?? 0}`)
    .join(', ');
  return `check-examples: ${counts.found} examples found, ${counts.checked} checked, ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${reasons ? ` (${reasons})` : ''}`;
}

/** `file:line:column  message  (path)` per problem, sorted by file and position. */
export function formatProblems(results: readonly ExampleResult[], prefix: string): string[] {
  const lines: { file: string; line: number; column: number; text: string }[] = [];
  for (const result of results) {
    for (const problem of result.problems) {
      lines.push({ file: result.file, line: problem.line, column: problem.column, text: `${prefix}${result.file}:${problem.line}:${problem.column}  ${problem.message}  (${problem.path})` });
    }
  }
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return lines.map((l) => l.text);
}

/** Every page under `dir`, read as `generate` reads the specs directory (strict UTF-8, the symbolic-link policy); pages not read are reported. */
function readPagesUnder(dir: string, io: CheckExamplesIo): Page[] {
  const { pages, diagnostics } = readSpecs({ specs: dir, include: ['**/*.md'], exclude: [] });
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, displayPrefix(dir))}\n`);
  return pages;
}

function displayPrefix(dir: string): string {
  const shown = relative(process.cwd(), resolve(dir)).split(sep).join('/');
  return shown === '' ? '' : `${shown}/`;
}

/**
 * `graphdoc check-examples --specs DIR --examples DIR [--format text|json]`:
 * exit 0 when every checked example passed, 1 when any failed, 2 on a usage
 * error (a missing directory, or one with no page).
 */
export async function checkExamplesCommand(options: CheckExamplesOptions, io: CheckExamplesIo): Promise<number> {
  for (const [what, dir] of [
    ['specs', options.specs],
    ['examples', options.examples],
  ] as const) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.stderr(`graphdoc: ${what} directory not found: ${dir}\n`);
      return 2;
    }
  }
  if (options.format !== 'text' && options.format !== 'json') {
    io.stderr(`graphdoc: unknown format ${JSON.stringify(options.format)}: use text or json\n`);
    return 2;
  }
  const specsPages = readPagesUnder(options.specs, io);
  const examplePages = readPagesUnder(options.examples, io);
  // A folder with no page is a wrong path, not a doc set whose examples all pass: as `generate`, refuse it.
  for (const [what, dir, pages] of [
    ['specs', options.specs, specsPages],
    ['examples', options.examples, examplePages],
  ] as const) {
    if (pages.length > 0) continue;
    io.stderr(`graphdoc: no page to read in the ${what} directory ${dir}: no readable .md file under it\n`);
    return 2;
  }
  const report = await checkExamples(specsPages, examplePages);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ counts: report.counts, results: report.results }, null, 2)}\n`);
  } else {
    const problems = formatProblems(report.results, displayPrefix(options.examples));
    io.stdout(problems.length > 0 ? `${problems.join('\n')}\n` : '');
    io.stdout(`${summaryLine(report.counts)}\n`);
  }
  return report.counts.failed > 0 ? 1 : 0;
}
