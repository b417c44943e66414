/**
 * `graphdoc check-examples` on the command line: one spawned run of the
 * shipped command, and (in-process) the specs directory taken from the
 * configuration like `generate` does.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, notBuiltMessage, root, run, runMain, tempDir } from '../build-step/helpers.js';

if (!built) console.warn(notBuiltMessage);

const fixtures = join(root, 'test', 'validators', 'fixtures');
const examples = join(root, 'test', 'examples', 'fixtures', 'api');
const summary = 'check-examples: 14 examples found, 6 checked, 3 passed, 3 failed, 8 skipped';

describe.skipIf(!built)('graphdoc check-examples (spawned)', () => {
  it('checks the examples and exits 1 when some fail', () => {
    const result = run(root, ['check-examples', '--specs', fixtures, '--examples', examples]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${summary} (`);
  });
});

describe('graphdoc check-examples: configuration', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir('check-examples');
    cpSync(fixtures, join(work, 'docs'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('reads the specs directory from graphdoc.config.json, or --config; --specs overrides', async () => {
    const missing = await runMain(work, ['check-examples', '--examples', examples]);
    expect(missing).toMatchObject({ code: 2, stderr: `graphdoc: specs directory not found: ${join(work, 'specs')}\n` });
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ specs: 'docs' }));
    const configured = await runMain(work, ['check-examples', '--examples', examples]);
    expect(configured.code).toBe(1);
    expect(configured.stdout).toContain(summary);
    writeFileSync(join(work, 'other.json'), JSON.stringify({ specs: 'nowhere' }));
    expect((await runMain(work, ['check-examples', '--examples', examples, '--config', 'other.json'])).stderr).toBe(`graphdoc: specs directory not found: ${join(work, 'nowhere')}\n`);
    expect((await runMain(work, ['check-examples', '--examples', examples, '--config', 'other.json', '--specs', 'docs'])).code).toBe(1);
    mkdirSync(join(work, 'empty'));
    expect(await runMain(work, ['check-examples', '--examples', examples, '--specs', 'empty'])).toMatchObject({ code: 2, stderr: `graphdoc: no page to read in the specs directory ${join(work, 'empty')}: no readable .md file under it\n` });
    expect(await runMain(work, ['check-examples', '--examples', join(work, 'empty'), '--specs', 'docs'])).toMatchObject({ code: 2, stdout: '' });
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ spec: 'docs' }));
    expect((await runMain(work, ['check-examples', '--examples', examples])).stderr).toMatch(/^graphdoc: graphdoc\.config\.json: unknown option "spec"; did you mean "specs"\?/);
  });
});
