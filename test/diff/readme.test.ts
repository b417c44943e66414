/**
 * The README's tables of `graphdoc diff` rules and doc-edit reasons are the
 * tables in generator/diff/rules.ts, row for row.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docEditReasons, rules } from '../../generator/diff/rules.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** Rows of the table whose header line is given: cells trimmed. */
function table(header: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.indexOf(header);
  expect(start, `README table ${header}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

describe('README: graphdoc diff tables', () => {
  it('lists every rule with its kind, classification and reason, in the order of rules.ts', () => {
    const expected = Object.entries(rules).map(([name, rule]) => [`\`${name}\``, `\`${rule.kind}\``, rule.read, rule.write, rule.why]);
    expect(table('| rule | kind | readers | writers | when, and why |')).toEqual(expected);
  });

  it('lists every doc-edit reason', () => {
    expect(table('| reason | why it is not an API change |')).toEqual(Object.entries(docEditReasons).map(([name, why]) => [`\`${name}\``, why]));
  });
});
