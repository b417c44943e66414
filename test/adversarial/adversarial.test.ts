/**
 * Hostile docs: a fixture doc set (test/adversarial/specs/, written for this
 * test) whose names and descriptions try to break out of comments, strings and
 * identifiers, shadow prototypes and globals, close cycles and collide. The
 * marker word "pwned" is planted in every such place; it must reach the output
 * only inside string literals and comments, which is checked on TypeScript's
 * tokens, not by grep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate, type Page } from '../../generator/pipeline.js';
import { typeCheck } from '../helpers/typecheck.js';

const specsDir = fileURLToPath(new URL('./specs', import.meta.url));

function fixturePages(): Page[] {
  return readdirSync(specsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ path: name, text: readFileSync(join(specsDir, name), 'utf8') }));
}

/** A page with a 5,000-row properties table. */
function hugePage(): Page {
  const rows = Array.from({ length: 5000 }, (_, i) => `|p${i}|Int32|Row ${i} */ pwned ${'${x}'}|`);
  const text = ['# huge resource type', '', 'Namespace: microsoft.graph', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', ...rows, ''].join('\n');
  return { path: 'huge.md', text };
}

/** Tokens (including comments) whose text contains the marker but that are not string literals or comments. */
function markerOutsideLiterals(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const allowed = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia]);
  const found: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (scanner.getTokenText().includes('pwned') && !allowed.has(kind)) found.push(`${ts.SyntaxKind[kind]} ${scanner.getTokenText()}`);
  }
  return found;
}

describe('adversarial doc set', () => {
  const result = generate([...fixturePages(), hugePage()]);

  it('keeps doc text inside string literals and comments', () => {
    expect(result.files.size).toBeGreaterThan(1);
    for (const [path, text] of result.files) expect(markerOutsideLiterals(text), path).toEqual([]);
    // The marker did reach the output, so the check above had something to check.
    expect([...result.files.values()].some((text) => text.includes('pwned'))).toBe(true);
  });

  it('compiles under --strict', () => {
    expect(typeCheck(result.files)).toEqual([]);
  });

  it('names each problem with its file and line', () => {
    const problems = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`);
    expect(problems).toEqual([
      'hostile-again.md:11 warning duplicate-property',
      'hostile-again.md:14 warning malformed-annotation',
      'hostile.md:23 warning invalid-property-name',
      'hostile.md:24 warning invalid-property-name',
      'hostile.md:29 warning unresolved-link',
      'hostile.md:30 warning duplicate-property',
      'hostile.md:39 warning duplicate-enum-member',
      'object.md:13 warning inheritance-cycle',
      'weird-namespace.md:5 warning invalid-type-name',
    ]);
  });

  it('keeps awkward property names and enum members as written', () => {
    const hostile = result.model.declarations.find((d) => d.id === 'microsoft.graph.hostile');
    expect(hostile?.kind === 'object' ? hostile.properties.map((p) => p.name) : []).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
      '@odata.type',
      'a-b',
      'class',
      'ok',
      'when',
      'promise',
      'object',
      'missing',
      'fromSecondPage',
    ]);
    const kind = result.model.declarations.find((d) => d.id === 'microsoft.graph.hostileKind');
    expect(kind?.kind === 'enum' ? kind.members.map((m) => m.name) : []).toEqual(['null', 'true', '1st', "it's", 'a*/b', '${pwned}']);
  });

  it('reads all 5,000 rows of a huge table', () => {
    const huge = result.model.declarations.find((d) => d.id === 'microsoft.graph.huge');
    expect(huge?.kind === 'object' ? huge.properties.length : 0).toBe(5000);
  });
});
