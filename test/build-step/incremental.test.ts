/**
 * Incremental equals cold, on a copy of the Graph v1.0 corpus: after each
 * step of a scripted series of edits, additions, deletions and renames, the
 * cached run parses only the pages that changed, and `--check --no-cache`
 * (a cold run, compared byte for byte) finds its output up to date, with the
 * same diagnostics. Skipped, with a message, when the corpus is absent.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusMissingMessage, resourcesDir } from '../corpus/corpus.js';
import { runMain, tempDir } from './helpers.js';

if (!corpusAvailable) console.warn(corpusMissingMessage);

interface Report {
  readonly exitCode: number;
  readonly summary: { readonly pages: number; readonly parsed: number; readonly files: number };
  readonly written?: boolean;
  readonly stale?: { readonly added: string[]; readonly changed: string[]; readonly removed: string[] };
  readonly diagnostics: readonly unknown[];
}

describe.skipIf(!corpusAvailable)('incremental runs on the v1.0 corpus (in-process)', () => {
  let work: string;
  const specs = (name: string) => join(work, 'specs', name);
  const generateJson = async (...args: string[]): Promise<Report> => {
    const result = await runMain(work, ['generate', '--format', 'json', ...args]);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as Report;
  };
  /** A cached run, then a cold run compared with what the cached run wrote. */
  const incrementalThenCold = async (): Promise<{ incremental: Report; cold: Report }> => {
    const incremental = await generateJson();
    expect(incremental.exitCode).toBe(0);
    const cold = await generateJson('--check', '--no-cache');
    expect(cold.stale).toEqual({ added: [], changed: [], removed: [] });
    expect(cold.exitCode).toBe(0);
    expect(cold.summary.parsed).toBe(cold.summary.pages);
    expect(incremental.diagnostics).toEqual(cold.diagnostics);
    return { incremental, cold };
  };
  const edit = (name: string, change: (text: string) => string) => {
    const before = readFileSync(specs(name), 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(specs(name), after);
  };

  beforeAll(() => {
    work = tempDir('incremental');
    cpSync(resourcesDir, join(work, 'specs'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a cold run parses every page; an unchanged rerun parses none and writes nothing', async () => {
    const cold = await generateJson();
    expect(cold.exitCode).toBe(0);
    expect(cold.summary.parsed).toBe(cold.summary.pages);
    expect(cold.summary.pages).toBeGreaterThan(1000);
    const warm = await generateJson();
    expect(warm.summary.parsed).toBe(0);
    expect(warm.written).toBe(false);
  });

  it('step 1: edits, an addition, deletions and renames (one into a new folder) re-parse exactly those pages', async () => {
    // Edits: a property's type, a description, and a page cut in half (a table left open, as while typing).
    edit('user.md', (t) => t.replace(/^\|aboutMe\|String\|/m, '|aboutMe|Int32|'));
    edit('message.md', (t) => t.replace(/\n\n/, '\n\nEdited by the incremental test.\n\n'));
    edit('calendar.md', (t) => t.slice(0, Math.floor(t.length / 2)));
    // An addition: a page the corpus does not have, whose type extends another page's.
    writeFileSync(
      specs('widget.md'),
      ['# widget resource type', '', 'Namespace: microsoft.graph', '', 'Inherits from [entity](entity.md).', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|owner|[user](user.md)|Who owns it.|', '|size|Int64|How big. Not nullable.|', ''].join('\n'),
    );
    // Deletions: the base type of most of the corpus, and a page others link to.
    rmSync(specs('entity.md'));
    rmSync(specs('directoryobject.md'));
    // Renames: same text, new path.
    renameSync(specs('drive.md'), specs('drive-renamed.md'));
    mkdirSync(join(work, 'specs', 'moved'));
    renameSync(specs('event.md'), join(work, 'specs', 'moved', 'event.md'));

    const { incremental } = await incrementalThenCold();
    expect(incremental.summary.parsed).toBe(3 + 1 + 2);
    expect(incremental.written).toBe(true);
  });

  it('step 2: pages restored, a rename undone and an edit reverted parse again; the rest stays cached', async () => {
    cpSync(join(resourcesDir, 'entity.md'), specs('entity.md'));
    cpSync(join(resourcesDir, 'calendar.md'), specs('calendar.md'));
    renameSync(specs('drive-renamed.md'), specs('drive.md'));
    rmSync(specs('widget.md'));
    const { incremental } = await incrementalThenCold();
    expect(incremental.summary.parsed).toBe(3);
  });
});
