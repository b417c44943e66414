/**
 * Property-based tests on Graph-style pages with random and nasty content
 * (fast-check, fixed seed, shrinking). Properties: reading a page never
 * throws and returns diagnostics instead; every diagnostic position lies
 * inside the input; emitted TypeScript always parses, and type-checks; a
 * batch of versions of a page, read sharing what they hold in common (what
 * `graphdoc diff` does), gives each version the tree it gives alone.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, SharedPieces } from '../../generator/parse.js';
import { generate, readPage, type Page } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';

const seed = 20261124;

const nasty = fc.constantFrom(
  '*/', '/*', '${x}', '`', '``', '"', "'", '\\', '\\|', '|', '<br>', '<br/>', '<!--', '-->', '```', '\u202E', '\u2028', '\uFEFF',
  '__proto__', 'constructor', 'toString', '@odata.type', 'null', 'true', '1st', 'class', 'a-b', 'Edm.String', 'String collection',
  'Collection(Int32)', '[x](x.md)', '[y](#y-values)', '[z][]', '**bold**', '\t', '\r', '\n', '😀', 'عربى', 'x'.repeat(300),
);
const text = fc.array(fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 }).map((parts) => parts.join(''));
const name = fc.oneof(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/), text);
const typeCell = fc.oneof(
  fc.constantFrom('String', 'string', 'Int32', 'Edm.Int64', 'Boolean', 'DateTimeOffset', 'String collection', 'Collection(Guid)', 'Double'),
  name.map((n) => `[${n}](${n}.md)`),
  name.map((n) => `[${n}](#${n}-values)`),
  name.map((n) => `${n} collection`),
  text,
);
const header = fc.constantFrom('|Property|Type|Description|', '| Name | Type | Description', 'Property name|Type|Description', '|**Property**|`Type`|Notes|', '|Property|Type|');
const row = fc.tuple(name, typeCell, text, fc.boolean(), fc.integer({ min: -1, max: 1 })).map(([n, t, d, closing, extra]) => {
  const cells = [n, t, d];
  if (extra < 0) cells.pop();
  if (extra > 0) cells.push('extra');
  return `|${cells.join('|')}${closing ? '|' : ''}`;
});
const table = fc.tuple(header, fc.array(row, { maxLength: 8 })).map(([h, rows]) => [h, '|:--|:--|:--|', ...rows].join('\n'));
const annotation = fc.oneof(
  name.map((n) => `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.${n}" } -->`),
  name.map((n) => `<!-- {\n  "blockType": "resource",\n  "@odata.type": ${JSON.stringify(n)},\n  "baseType": "microsoft.graph.${n}",\n} -->`),
  text.map((t) => `<!-- { ${t} -->`),
  fc.constant('<!-- { "blockType": "resource"'),
);
const jsonBlock = fc.oneof(
  fc.dictionary(name, fc.oneof(fc.constant('String'), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 5 }).map((o) => `\`\`\`json\n${JSON.stringify(o, null, 2)}\n\`\`\``),
  text.map((t) => `\`\`\`json\n{ ${t}\n\`\`\``),
  fc.constant('```json\n{ "unterminated": '),
);
const enumSection = fc.tuple(name, fc.array(fc.tuple(name, fc.integer({ min: 0, max: 64 })), { maxLength: 5 })).map(
  ([n, members]) => [`### ${n} values`, '', '|Member|Value|Description|', '|:--|:--|:--|', ...members.map(([m, v]) => `|${m}|${v}|d|`)].join('\n'),
);
const block = fc.oneof(
  table.map((t) => `## Properties\n\n${t}`),
  table.map((t) => `## Relationships\n\n${t}`),
  enumSection,
  annotation,
  jsonBlock,
  text,
  name.map((n) => `Inherits from [${n}](${n}.md).`),
  fc.constantFrom('## Properties', 'None', '---', '<!-- unterminated comment', '```', '> [!NOTE]\n> note'),
);
const page = fc
  .tuple(
    fc.option(fc.constantFrom('---\ntitle: "x resource type"\ndoc_type: resourcePageType\n---', '---\ndoc_type: enumPageType\n---', '---\n: bad: yaml: [\n---'), { nil: undefined }),
    name,
    fc.option(fc.constantFrom('microsoft.graph', 'microsoft.graph.callRecords', 'evil"ns'), { nil: undefined }),
    fc.array(block, { maxLength: 7 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([front, title, namespace, blocks, newline, bom]) => {
    const parts = [front, `# ${title} resource type`, namespace ? `Namespace: ${namespace}` : undefined, ...blocks].filter((p) => p !== undefined);
    return `${bom ? '\uFEFF' : ''}${parts.join('\n\n').replace(/\n/g, newline)}`;
  });

function insideInput(text: string, line: number, column: number): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  return line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1]?.length ?? 0) + 1;
}

function syntaxErrors(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('fuzzed pages', () => {
  it('reading a page never throws, and every diagnostic lies inside the input (10,000 pages)', () => {
    fc.assert(
      fc.property(page, (text) => {
        const { diagnostics } = readPage({ path: 'fuzz.md', text });
        for (const d of diagnostics) expect(insideInput(text, d.line, d.column), `${d.code} at ${d.line}:${d.column}`).toBe(true);
      }),
      { seed, numRuns: 10_000 },
    );
  });

  it('emitted TypeScript always parses, and link diagnostics lie inside their page (2,000 doc sets of three pages)', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 3 }), (texts) => {
        const pages: Page[] = texts.map((text, i) => ({ path: `p${i}.md`, text }));
        const result = generate(pages);
        for (const d of result.diagnostics) {
          const input = pages.find((p) => p.path === d.file);
          expect(input && insideInput(input.text, d.line, d.column), `${d.code} at ${d.file}:${d.line}:${d.column}`).toBe(true);
        }
        for (const [path, source] of result.files) expect(syntaxErrors(path, source)).toEqual([]);
      }),
      { seed, numRuns: 2_000 },
    );
  });

  it('emitted TypeScript type-checks under --strict (20 batches of 30 pages)', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 30, maxLength: 30 }), (texts) => {
        const result = generate(texts.map((text, i) => ({ path: `dir${i % 3}/p${i}.md`, text })));
        expect(typeCheck(result.files)).toEqual([]);
      }),
      { seed, numRuns: 20 },
    );
  });

  it('versions of a page read as one batch each give the tree they give alone (1,000 batches)', () => {
    // An edit replaces or inserts a line: a row, text, a blank line or a whole block.
    const edits = fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.oneof(row, text, fc.constant(''), block)), { maxLength: 4 });
    const edited = (page: string, changes: readonly (readonly [number, boolean, string])[]) => {
      const lines = page.split('\n');
      for (const [at, replace, line] of changes) lines.splice(at % (lines.length + 1), replace ? 1 : 0, line);
      return lines.join('\n');
    };
    fc.assert(
      fc.property(page, edits, edits, (first, changes1, changes2) => {
        const texts = [first, edited(first, changes1), edited(first, changes2), first];
        const shared = new SharedPieces(texts);
        for (const text of texts) expect(shared.parsePage(text)).toEqual(parseMarkdown(text));
      }),
      { seed, numRuns: 1_000 },
    );
  });
});
