/** check-examples on small API pages: what is found, checked, skipped and why; positions inside the markdown; both formats. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamplesCommand, resolveExampleType, type CheckReport } from '../../generator/examples/check-examples.js';
import { findExamples, locate } from '../../generator/examples/find-examples.js';
import { projectRoot } from '../validators/harness.js';

const specs = join(projectRoot, 'test/validators/fixtures');
const examples = join(projectRoot, 'test/examples/fixtures/api');

async function run(format: 'text' | 'json'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await checkExamplesCommand({ specs, examples, format }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('checkExamplesCommand', () => {
  it('prints each problem at its line and column in the markdown, then the counts', async () => {
    const { code, stdout, stderr } = await run('text');
    const prefix = 'test/examples/fixtures/api/';
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${prefix}device-get.md:38:3  expected string, received number 7  (/displayName)`,
      `${prefix}device-get.md:40:24  string "yesterday" is not a valid DateTimeOffset (date-time)  (/owners/0/since)`,
      `${prefix}device-get.md:42:3  property "colour" is not documented for microsoft.graph.device  (/colour)`,
      `${prefix}device-get.md:56:19  string "watch" is not one of "phone", "tablet", "laptop" (microsoft.graph.deviceKind)  (/value/1/kind)`,
      `${prefix}device-skips.md:58:14  the body is not valid JSON: CommaExpected  ()`,
      'check-examples: 14 examples found, 6 checked, 3 passed, 3 failed, 8 skipped (expect-error 1, is-empty 1, no-type 1, primitive-type 1, unknown-type 1, no-body 1, not-json 1, truncated-json 1)',
      '',
    ]);
  });

  it('reports the same in JSON, with codes, expected, received and the documented source', async () => {
    const { code, stdout } = await run('json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.counts).toEqual({
      found: 14,
      checked: 6,
      passed: 3,
      failed: 3,
      skipped: 8,
      skippedBy: { 'expect-error': 1, 'is-empty': 1, 'no-type': 1, 'primitive-type': 1, 'unknown-type': 1, 'no-body': 1, 'not-json': 1, 'truncated-json': 1 },
    });
    const failed = report.results.find((r) => r.status === 'failed' && r.line === 31);
    expect(failed?.problems[1]).toEqual({
      line: 40,
      column: 24,
      path: '/owners/0/since',
      code: 'format',
      message: 'string "yesterday" is not a valid DateTimeOffset (date-time)',
      expected: 'DateTimeOffset (date-time)',
      received: 'string "yesterday"',
      source: { file: 'deviceowner.md', line: 12 },
    });
    expect(report.results.filter((r) => r.blockType === 'request').map((r) => r.status)).toEqual(['passed']);
  });

  it('reads API pages as generate reads pages: one that is not UTF-8 is reported on stderr and skipped, the rest checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphdoc-examples-'));
    try {
      cpSync(examples, dir, { recursive: true });
      writeFileSync(join(dir, 'latin1.md'), Buffer.from('# caf\xe9\n', 'latin1'));
      let stdout = '';
      let stderr = '';
      const code = await checkExamplesCommand({ specs, examples: dir, format: 'text' }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(code).toBe(1);
      expect(stderr).toMatch(/latin1\.md:1:6  warning  Page is not valid UTF-8 \(byte 0xE9 at byte offset 5\); skipped: save it as UTF-8  invalid-utf8\n$/);
      expect(stdout).toContain('check-examples: 14 examples found, 6 checked, 3 passed, 3 failed, 8 skipped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 when a directory is missing', async () => {
    let stderr = '';
    const code = await checkExamplesCommand({ specs: join(projectRoot, 'no-such-dir'), examples, format: 'text' }, { stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toContain('specs directory not found');
  });
});

describe('findExamples and locate', () => {
  it('maps body positions through an indented fence', () => {
    const page = ['# x', '', '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.device" } -->', '   ```http', '   HTTP/1.1 200 OK', '', '   {', '     "id": 5', '   }', '   ```', ''].join('\n');
    const [example] = findExamples('x.md', page);
    expect(example?.body.kind).toBe('json');
    if (example?.body.kind !== 'json') return;
    expect(locate(example.body.json, '/id')).toEqual({ line: 8, column: 6 });
    expect(locate(example.body.json, '')).toMatchObject({ line: 7, column: 4 });
    expect(locate(example.body.json, '/missing/deeper')).toMatchObject({ line: 7, column: 4 });
  });

  it('never throws on odd input', () => {
    for (const text of ['', '<!-- {', '<!-- { "blockType": "response" } -->', '<!-- { "blockType": "response", "@odata.type": 5 } -->\n```http\n```', '```http\nHTTP/1.1 200\n\n{\n```']) {
      expect(() => findExamples('odd.md', text)).not.toThrow();
    }
  });
});

describe('resolveExampleType', () => {
  const declarations = new Map([['microsoft.graph.user', { id: 'microsoft.graph.user' } as never]]);
  const lower = new Map([['microsoft.graph.user', 'microsoft.graph.user']]);
  it.each([
    ['microsoft.graph.user', 'declaration', false],
    ['#microsoft.graph.user', 'declaration', false],
    ['Microsoft.Graph.User', 'declaration', false],
    ['Collection(microsoft.graph.user)', 'declaration', true],
    ['Edm.String', 'primitive', false],
    ['stream', 'primitive', false],
    ['microsoft.graph.toaster', 'unknown', false],
  ])('%s', (name, kind, collection) => {
    const resolved = resolveExampleType(name, declarations, lower);
    expect(resolved.kind).toBe(kind);
    if (resolved.kind === 'declaration') expect(resolved.collection).toBe(collection);
  });
});
