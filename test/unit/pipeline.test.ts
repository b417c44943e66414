/**
 * The pipeline end to end: the seed pages in specs/, determinism (two runs,
 * shuffled input) and no mutation of the input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { EnumDeclaration, ObjectDeclaration, TypeExpr } from '../../generator/model/ir.js';
import { generate, type GenerateResult, type Page } from '../../generator/pipeline.js';

const specs = fileURLToPath(new URL('../../specs/', import.meta.url));
const seedPages: Page[] = ['synchronizationerror.md', 'synchronizationtaskexecution.md'].map((path) => ({ path, text: readFileSync(specs + path, 'utf8') }));

const primitive = (name: 'String' | 'Int64' | 'DateTimeOffset'): TypeExpr => ({ kind: 'primitive', name });

describe('the seed pages', () => {
  const result = generate(seedPages);
  const execution = result.model.declarations.find((d): d is ObjectDeclaration => d.kind === 'object' && d.id === 'microsoft.graph.synchronizationTaskExecution');
  const executionResult = result.model.declarations.find((d): d is EnumDeclaration => d.id === 'microsoft.graph.synchronizationTaskExecutionResult' && d.kind === 'enum');

  it('declare exactly three types', () => {
    expect(result.model.declarations.map((d) => [d.id, d.kind])).toEqual([
      ['microsoft.graph.synchronizationError', 'object'],
      ['microsoft.graph.synchronizationTaskExecution', 'object'],
      ['microsoft.graph.synchronizationTaskExecutionResult', 'enum'],
    ]);
  });

  it('give SynchronizationTaskExecution its 14 properties, in document order', () => {
    expect(execution?.properties.map((p) => [p.name, p.type])).toEqual([
      ['activityIdentifier', primitive('String')],
      ['countEntitled', primitive('Int64')],
      ['countEntitledForProvisioning', primitive('Int64')],
      ['countEscrowed', primitive('Int64')],
      ['countEscrowedRaw', primitive('Int64')],
      ['countExported', primitive('Int64')],
      ['countExports', primitive('Int64')],
      ['countImported', primitive('Int64')],
      ['countImportedDeltas', primitive('Int64')],
      ['countImportedReferenceDeltas', primitive('Int64')],
      ['error', { kind: 'ref', id: 'microsoft.graph.synchronizationError' }],
      ['state', { kind: 'ref', id: 'microsoft.graph.synchronizationTaskExecutionResult' }],
      ['timeBegan', primitive('DateTimeOffset')],
      ['timeEnded', primitive('DateTimeOffset')],
    ]);
  });

  it('make state an enum with exactly Succeeded, Failed and EntryLevelErrors', () => {
    expect({ source: executionResult?.source, members: executionResult?.members.map((m) => m.name) }).toEqual({
      source: 'prose',
      members: ['Succeeded', 'Failed', 'EntryLevelErrors'],
    });
  });

  it('name the types in PascalCase', () => {
    expect(result.naming).toEqual({
      typeNames: {
        'microsoft.graph.synchronizationError': 'SynchronizationError',
        'microsoft.graph.synchronizationTaskExecution': 'SynchronizationTaskExecution',
        'microsoft.graph.synchronizationTaskExecutionResult': 'SynchronizationTaskExecutionResult',
      },
      namespaceAliases: { 'microsoft.graph': 'graph' },
    });
  });

  it('report nothing but the placeholder descriptions of the seed page, in one note', () => {
    expect(result.diagnostics.map((d) => [d.file, d.line, d.code, d.message])).toEqual([
      ['synchronizationtaskexecution.md', 15, 'placeholder-description', '15 descriptions are only a placeholder ("TODO: Add Description", "TBD", "Not yet documented"); left out of the documentation'],
    ]);
    expect(result.placeholders).toBe(15);
    expect([...result.files.values()].filter((text) => text.includes('TODO'))).toEqual([]);
  });

  it('emit a module whose SynchronizationTaskExecution interface has those properties and types', () => {
    const text = result.files.get('microsoft.graph.ts') ?? '';
    const source = ts.createSourceFile('microsoft.graph.ts', text, ts.ScriptTarget.ES2022, true);
    const members = source.statements
      .filter(ts.isInterfaceDeclaration)
      .filter((s) => s.name.text === 'SynchronizationTaskExecution')
      .flatMap((s) => s.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(source), m.type?.getText(source)]));
    expect(members).toEqual([
      ['activityIdentifier', 'string | null'],
      ['countEntitled', 'number | null'],
      ['countEntitledForProvisioning', 'number | null'],
      ['countEscrowed', 'number | null'],
      ['countEscrowedRaw', 'number | null'],
      ['countExported', 'number | null'],
      ['countExports', 'number | null'],
      ['countImported', 'number | null'],
      ['countImportedDeltas', 'number | null'],
      ['countImportedReferenceDeltas', 'number | null'],
      ['error', 'SynchronizationError | null'],
      ['state', 'SynchronizationTaskExecutionResult | null'],
      ['timeBegan', 'string | null'],
      ['timeEnded', 'string | null'],
    ]);
  });

  it('emit files that parse as TypeScript', () => {
    const problems = [...result.files].flatMap(([path, text]) => {
      const output = ts.transpileModule(text, { fileName: path, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 } });
      return (output.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    });
    expect(problems).toEqual([]);
  });

  it('build a model that is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(result.model))).toEqual(result.model);
  });
});

/** More pages, chosen so that order could matter: merges, clashes, cycles, rival prose enums. */
const lines = (...text: string[]) => text.join('\n') + '\n';
const resource = (type: string, rows: readonly string[], annotation: Record<string, unknown> = {}, prose = `A ${type}.`) =>
  lines(
    `# ${type} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    prose,
    '',
    '## Properties',
    '',
    '|Property|Type|Description|',
    '|:---|:---|:---|',
    ...rows.map((r) => `|${r}|`),
    '',
    '## JSON representation',
    '',
    `<!-- ${JSON.stringify({ blockType: 'resource', '@odata.type': `microsoft.graph.${type}`, ...annotation })} -->`,
  );
const morePages: Page[] = [
  { path: 'resources/widget.md', text: resource('widget', ['id|String|The id.', 'name|String|The name.', 'part|[part](widgetpart.md)|A part.']) },
  { path: 'resources/a-widget-extra.md', text: resource('widget', ['name|String|Another name.', 'size|Int32|The size.']) },
  { path: 'resources/widgetpart.md', text: resource('widgetPart', ['id|String|x']) },
  { path: 'resources/cycle-a.md', text: resource('cycleA', ['a|String|x'], { baseType: 'microsoft.graph.cycleB' }) },
  { path: 'resources/cycle-b.md', text: resource('cycleB', ['b|String|x'], { baseType: 'microsoft.graph.cycleA' }) },
  { path: 'resources/status.md', text: lines('---', 'doc_type: enumPageType', '---', '', '# status enum type', '', '|Member|Value|Description|', '|---|---|---|', '|none|0|x|', '|one|1|x|', '|two|2|x|', '|four|4|x|') },
  { path: 'resources/status-object.md', text: resource('status', ['id|String|x']) },
  { path: 'resources/job.md', text: resource('job', ['state|jobStatus|Possible values are: `queued`, `done`.', 'owner|Strng|Misspelt.']) },
  { path: 'resources/task.md', text: resource('task', ['state|jobStatus|Possible values are: `waiting`.', 'link|[nothing](nothing.md)|Dangling.']) },
];
const allPages: Page[] = [...seedPages, ...morePages];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** Everything a run produces, in the order it produces it. */
const snapshot = (result: GenerateResult) => ({ files: [...result.files], diagnostics: result.diagnostics, model: result.model, naming: result.naming });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}

describe('determinism', () => {
  const first = snapshot(generate(allPages));

  it('reports the problems the extra pages were written to have', () => {
    expect(first.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['resources/a-widget-extra.md', 'type-merged'],
      ['resources/cycle-a.md', 'inheritance-cycle'],
      ['resources/job.md', 'unknown-type'],
      ['resources/status.md', 'duplicate-type'],
      ['resources/task.md', 'unresolved-link'],
      ['synchronizationtaskexecution.md', 'placeholder-description'],
    ]);
  });

  it('gives identical output on a second run', () => {
    expect(snapshot(generate(allPages))).toEqual(first);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives identical output for shuffled input (seed %i)', (seed) => {
    expect(snapshot(generate(shuffled(allPages, seed)))).toEqual(first);
  });

  it('gives identical output for reversed input', () => {
    expect(snapshot(generate([...allPages].reverse()))).toEqual(first);
  });

  it('does not mutate the input array or its pages', () => {
    const pages = allPages.map((p) => ({ ...p }));
    const before = structuredClone(pages);
    deepFreeze(pages);
    const result = snapshot(generate(pages));
    expect({ pages, result }).toEqual({ pages: before, result: first });
  });
});

describe('a page the stages fail on', () => {
  it('is skipped with a warning that names the page and says it is a bug, and the other pages are generated', () => {
    // The stages are written never to throw; a page whose text cannot even be read stands in for one they would.
    const failing = { path: 'failing.md', get text(): string { throw new Error('boom'); } };
    const result = generate([failing, ...seedPages]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.file, d.code, d.severity, d.message])).toEqual([
      ['failing.md', 'page-failed', 'warning', 'Page skipped: graphdoc failed while reading it (boom). This is a bug in graphdoc; please report it with the page'],
    ]);
    expect(result.model.declarations).toHaveLength(3);
  });
});
