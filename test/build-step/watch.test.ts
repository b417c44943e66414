/**
 * Watch mode, end to end: the real CLI with --watch on a temporary copy of
 * specs/. An edit is picked up and written within a bounded time; a page that
 * is briefly contradictory is written with a warning and does not stop the watch; a change to
 * graphdoc.config.json reloads it; SIGTERM stops it with exit code 0.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageShapes, shrunkPages } from '../../generator/watch.js';
import type { Model } from '../../generator/model/ir.js';
import { built, CliProcess, notBuiltMessage, root, run, snapshot, specsCopy } from './helpers.js';

if (!built) console.warn(notBuiltMessage);

/** Generous: chokidar's first events can be slow on a loaded CI machine. What is asserted is "within this bound". */
const bound = 20_000;
const runLine = /^graphdoc: \d+ pages? changed, /;

describe.skipIf(!built)('graphdoc generate --watch', () => {
  let work: string;
  let watcher: CliProcess | undefined;
  beforeEach(() => {
    work = specsCopy('watch');
    writeFileSync(join(work, 'graphdoc.config.json'), `${JSON.stringify({ debounce: 50 })}\n`);
  });
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    rmSync(work, { recursive: true, force: true });
  });

  it('writes on start, then after an edit, survives a briefly invalid page, reloads the config, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const w = new CliProcess(work, ['generate', '--watch']);
    watcher = w;
    const files = Object.keys(snapshot(join(root, 'generated'))).length;
    expect(await w.lineAfter(0, runLine, bound)).toMatch(new RegExp(`^graphdoc: 2 pages changed, ${files} files written, 0 warnings, \\d+(\\.\\d)? (ms|s)$`));
    await w.lineAfter(0, /^graphdoc: watching specs /, bound);
    expect(snapshot(join(work, 'generated'))).toEqual(snapshot(join(root, 'generated')));

    // An edit: a new property row.
    const page = join(work, 'specs', 'synchronizationerror.md');
    const original = readFileSync(page, 'utf8');
    const edited = original.replace(/^(\|\s*code\s*\|.*\|)$/m, '$1\n|retryCount|Int32|How many times it was retried.|');
    expect(edited).not.toBe(original);
    let mark = w.mark();
    const started = Date.now();
    writeFileSync(page, edited);
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, 0 warnings, /, bound);
    expect(Date.now() - started).toBeLessThan(bound);
    expect(readFileSync(join(work, 'generated', 'microsoft.graph.ts'), 'utf8')).toContain('retryCount?: number | null;');
    expect(run(work, ['generate', '--check', '--no-cache']).code).toBe(0);

    // A page saved half-way through an edit (cut inside its table): written, and reported as having lost most of its properties.
    const seed = join(work, 'specs', 'synchronizationtaskexecution.md');
    const seedText = readFileSync(seed, 'utf8');
    mark = w.mark();
    writeFileSync(seed, seedText.slice(0, seedText.indexOf('|countEntitledForProvisioning|')));
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, /, bound);
    expect(w.stderr).toMatch(/^specs\/synchronizationtaskexecution\.md:10:1  warning  Type "synchronizationTaskExecution" lost 12 of its 14 properties since the previous run \(watch mode\); if the page was saved half-way through an edit, the next save restores it  page-shrank$/m);
    mark = w.mark();
    writeFileSync(seed, seedText);
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, /, bound);
    // The enum the page defined in prose went with the cut rows; reported once, and not again when the page is whole.
    expect(w.stderr).toMatch(/^specs\/synchronizationtaskexecution\.md:1:1  warning  Type "synchronizationTaskExecutionResult" is no longer declared by this page since the previous run/m);
    expect(w.stderr.match(/page-shrank/g)).toHaveLength(2);

    // Briefly contradictory: a page defining an enum of the object's name. No doc problem stops a run: the first
    // definition in path order (clash.md) is kept, the other dropped with a warning, the model line says what
    // changed, and removing the page brings the output back.
    const before = snapshot(join(work, 'generated'));
    const clash = join(work, 'specs', 'clash.md');
    mark = w.mark();
    writeFileSync(clash, ['# synchronizationError values', '', '### synchronizationError values', '', '|Member|', '|:--|', '|one|', ''].join('\n'));
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, 1 warning, /, bound);
    expect(await w.lineAfter(mark, /^graphdoc: model: .*synchronizationError:/, bound)).toMatch(/\(breaking/);
    expect(w.stderr).toMatch(/^specs\/synchronizationerror\.md:\d+:\d+  warning  .*clash\.md.*  duplicate-type$/m);
    mark = w.mark();
    rmSync(clash);
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, 0 warnings, /, bound);
    expect(snapshot(join(work, 'generated'))).toEqual(before);

    // A config change is picked up: union enums.
    mark = w.mark();
    writeFileSync(join(work, 'graphdoc.config.json'), `${JSON.stringify({ debounce: 50, enumStyle: 'union' })}\n`);
    await w.lineAfter(mark, /^graphdoc: configuration reloaded$/, bound);
    await w.lineAfter(mark, /^graphdoc: 0 pages changed, [1-9]\d* files? written, /, bound);
    expect(run(work, ['generate', '--check', '--no-cache', '--enum-style', 'union']).code).toBe(0);

    // An invalid config is reported and the previous one kept; the run it triggers goes on with the previous one.
    mark = w.mark();
    writeFileSync(join(work, 'graphdoc.config.json'), '{ "enumStyle": "weird" }\n');
    await w.lineAfter(mark, /^graphdoc: 0 pages changed, 0 files written, /, bound);
    expect(w.stderr).toContain('graphdoc: graphdoc.config.json: "enumStyle" must be one of const-object, union, enum (got "weird"); keeping the previous configuration\n');
    mark = w.mark();
    writeFileSync(page, original);
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, /, bound);
    // (graphdoc.config.json is invalid now: check against the configuration the watch kept.)
    writeFileSync(join(work, 'kept.json'), `${JSON.stringify({ enumStyle: 'union' })}\n`);
    expect(run(work, ['generate', '--check', '--no-cache', '--config', 'kept.json']).code).toBe(0);

    const exit = await w.stop();
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('does not follow a directory link back into the specs tree', { timeout: 60_000 }, async () => {
    mkdirSync(join(work, 'specs', 'sub'));
    symlinkSync('..', join(work, 'specs', 'sub', 'up'));
    const w = new CliProcess(work, ['generate', '--watch']);
    watcher = w;
    await w.lineAfter(0, /^graphdoc: watching specs /, bound);
    const mark = w.mark();
    writeFileSync(join(work, 'specs', 'widget.md'), ['# widget resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Int32|How big.|', ''].join('\n'));
    await w.lineAfter(mark, /^graphdoc: 1 page changed, [1-9]\d* files? written, 1 warning, /, bound);
    expect(await w.stop()).toEqual({ code: 0, signal: null });
    expect(w.stderr).toBe('specs/sub/up:1:1  warning  Symbolic link not followed: it leads back into the specs directory (.)  skipped-link\n');
  });

  it('exits 2 at once when the specs directory is missing', async () => {
    const w = new CliProcess(work, ['generate', '--watch', '--specs', 'missing']);
    watcher = w;
    expect(await w.exited).toEqual({ code: 2, signal: null });
    expect(w.stderr).toContain('specs directory not found');
  });
});

describe('shrunkPages', () => {
  const object = (file: string, name: string, properties: number): Model['declarations'][number] => ({
    kind: 'object',
    id: `microsoft.graph.${name}`,
    namespace: 'microsoft.graph',
    name,
    description: '',
    open: false,
    properties: Array.from({ length: properties }, (_, i) => ({
      name: `p${i}`,
      type: { kind: 'primitive', name: 'String' },
      description: '',
      facets: {},
      navigation: false,
      source: 'table',
      origin: { file, line: 10 + i, column: 1 },
    })) as never,
    origin: { file, line: 3, column: 1 },
  });
  const model = (...declarations: Model['declarations'][number][]) => ({ declarations }) as unknown as Model;

  it('reports a type that lost more than half of what its page gave it (at least two), or that the page no longer declares', () => {
    const before = pageShapes(model(object('a.md', 'alpha', 10), object('b.md', 'beta', 4), object('c.md', 'gamma', 3), object('d.md', 'delta', 2)));
    const after = pageShapes(model(object('a.md', 'alpha', 4), object('b.md', 'beta', 2), object('d.md', 'delta', 0)));
    expect(shrunkPages(before, after, ['a.md', 'b.md', 'c.md', 'd.md']).map((d) => `${d.file}:${d.line} ${d.message.split(' since')[0]}`)).toEqual([
      'a.md:3 Type "alpha" lost 6 of its 10 properties',
      'c.md:1 Type "gamma" is no longer declared by this page',
      'd.md:3 Type "delta" lost 2 of its 2 properties',
    ]);
    expect(shrunkPages(before, after, ['b.md'])).toEqual([]);
    expect(shrunkPages(before, after, [])).toEqual([]);
  });
});
