/**
 * `graphdoc diff OLD NEW`: reads both sides (a specs folder, or `git:REF`
 * for the configured specs folder at a revision), builds both models through
 * one page cache (a page both sides share is parsed once), compares them,
 * prints the report and returns the exit code. Never emits.
 */
import { resolve, sep } from 'node:path';
import { FilePageCache } from '../cache.js';
import { SpecsError, UsageError, type Settings } from '../config.js';
import { buildModel } from '../model-pipeline.js';
import type { Page } from '../pipeline.js';
import { countBySeverity } from '../diagnostics.js';
import { createProgress, displayPath, exitCode, type Io } from '../report.js';
import { readSpecs } from '../specs.js';
import { compareModels, type ModelDiff } from './compare.js';
import { formatJson, formatMarkdown, formatText, summarize, type DiffFormat } from './format.js';
import { gitPrefix, readGitSpecs } from './git.js';

export type FailOn = 'breaking' | 'any' | 'none';

export interface DiffRequest {
  /** As given on the command line: a folder, or `git:REF`. */
  readonly old: string;
  readonly new: string;
  /** The configured specs folder (for `git:REF` and `.`), include/exclude, and the cache settings. */
  readonly settings: Pick<Settings, 'specs' | 'include' | 'exclude' | 'cache' | 'cacheDir'>;
  readonly format: DiffFormat;
  readonly failOn: FailOn;
  readonly cwd: string;
}

interface SideRead {
  readonly pages: readonly Page[];
  /** The folder the pages come from in the work tree (for a revision, the configured specs folder). */
  readonly folder: string;
  /** Prepended to a page path in messages: `specs/`, or `origin/main:specs/` (git's REV:PATH). */
  readonly prefix: string;
  readonly unreadable: number;
}

async function readSide(argument: string, request: DiffRequest): Promise<SideRead> {
  const { settings, cwd } = request;
  if (argument.startsWith(gitPrefix)) {
    const ref = argument.slice(gitPrefix.length);
    const { pages, path } = readGitSpecs({ ref, specs: settings.specs, include: settings.include, exclude: settings.exclude, cwd });
    return { pages, folder: settings.specs, prefix: `${ref}:${path === '' ? '' : `${path}/`}`, unreadable: 0 };
  }
  // "." (the working directory) is the configured specs folder in the work tree; any other folder is a specs folder.
  const given = resolve(cwd, argument);
  const folder = given === resolve(cwd) ? settings.specs : given;
  try {
    const { pages, diagnostics } = await readSpecs({ specs: folder, include: settings.include, exclude: settings.exclude });
    const shown = displayPath(folder, cwd);
    const prefix = shown === '.' ? '' : shown.startsWith('../') ? `${folder.split(sep).join('/')}/` : `${shown}/`;
    return { pages, folder, prefix, unreadable: diagnostics.length };
  } catch (error) {
    if (error instanceof SpecsError) throw new SpecsError(`${argument}: ${error.message}`);
    throw error;
  }
}

/** Compares the two sides and returns the diff; throws UsageError for a side that cannot be read. */
async function diffSides(request: DiffRequest, io: Io): Promise<{ diff: ModelDiff; old: SideRead; new: SideRead; notes: string[] }> {
  const oldSide = await readSide(request.old, request);
  const newSide = await readSide(request.new, request);
  const { settings } = request;
  // One cache for both sides, in the file `generate` uses for the new side's folder: a page both sides share is read once.
  const cache = new FilePageCache(settings.cache ? FilePageCache.fileFor(settings.cacheDir, newSide.folder) : undefined);
  cache.beginRun();
  const progress = createProgress(io, request.format === 'text');
  const total = oldSide.pages.length + newSide.pages.length;
  let models;
  try {
    const oldModel = buildModel(oldSide.pages, { cache, onPage: (done) => progress.update('graphdoc: reading pages', done, total) });
    const newModel = buildModel(newSide.pages, { cache, onPage: (done) => progress.update('graphdoc: reading pages', oldSide.pages.length + done, total) });
    models = { oldModel, newModel };
  } finally {
    progress.clear();
  }
  const notes: string[] = [];
  const cacheNote = settings.cache ? cache.save() : undefined;
  if (cacheNote) notes.push(cacheNote);
  for (const [label, side, built] of [
    ['old', oldSide, models.oldModel],
    ['new', newSide, models.newModel],
  ] as const) {
    const errors = countBySeverity(built.diagnostics).error + side.unreadable;
    if (errors > 0) notes.push(`the ${label} docs (${label === 'old' ? request.old : request.new}) have ${errors} error${errors === 1 ? '' : 's'}; \`graphdoc generate\` lists them`);
  }
  return { diff: compareModels(models.oldModel.model, models.newModel.model), old: oldSide, new: newSide, notes };
}

export async function diffCommand(request: DiffRequest, io: Io): Promise<number> {
  if (request.old === '' || request.new === '') throw new UsageError('diff needs two sides: OLD and NEW (a specs folder, or git:REF)');
  const { diff, old, new: current, notes } = await diffSides(request, io);
  const sides = { old: request.old, new: request.new, oldPrefix: old.prefix, newPrefix: current.prefix };
  const text = request.format === 'json' ? formatJson(diff, sides) : request.format === 'markdown' ? formatMarkdown(diff, sides) : formatText(diff, sides);
  io.stdout.write(text);
  for (const note of notes) io.stderr.write(`graphdoc: ${note}\n`);
  const summary = summarize(diff.changes);
  const failed = request.failOn === 'any' ? diff.changes.length > 0 : request.failOn === 'breaking' ? summary.breaking > 0 : false;
  return failed ? exitCode.failed : exitCode.ok;
}
