/**
 * `graphdoc diff OLD NEW`: reads both sides (a specs folder, or `git:REF`
 * for the configured specs folder at a revision), builds both models through
 * one page cache (a page both sides share is parsed once), compares them,
 * prints the report and returns the exit code. Never emits.
 */
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { FilePageCache } from '../cache.js';
import { SpecsError, UsageError, type Settings } from '../config.js';
import { buildModel, readPages } from '../model-pipeline.js';
import { compareCodeUnits } from '../order.js';
import type { Page, PageCache, PageRead } from '../pipeline.js';
import { countBySeverity } from '../diagnostics.js';
import { createProgress, displayPath, exitCode, type Io } from '../report.js';
import { readPagesOnTwoThreads } from '../page-reader.js';
import { readSpecs } from '../specs.js';
import { compareModels, type ModelDiff } from './compare.js';
import { formatJson, formatMarkdown, formatText, summarize, type DiffFormat } from './format.js';
import { gitPrefix, readGitSpecs } from './git.js';

export type FailOn = 'breaking' | 'any' | 'none';

/** Below this many cold pages, starting a worker (a few hundred milliseconds) costs more than it saves. */
const workerThreshold = 200;

/**
 * Whether to read cold pages on two threads. With one core the worker only adds its start and the compiling of the
 * same code in a second isolate: on one core a cold diff of the v1.0 versions took 7.5–9.6 s on one thread against
 * 9.3–10.7 s on two, and 240 MB of memory against 330 MB (README *Timing*).
 */
export function readsOnTwoThreads(coldPages: number, cores = availableParallelism()): boolean {
  return coldPages >= workerThreshold && cores >= 2;
}

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

/**
 * Reads the pages the cache does not have (each once, though both sides may
 * have it) and stores them in the cache. Reading is most of a cold diff's
 * time and every page is independent, so when there are many, and two cores,
 * they are read on two threads (page-reader.ts). Pages whose text is shared
 * are read in one batch, which parses the sections they hold word for word
 * once (`readPages`); a page's two versions usually have the same path, so
 * pages are read in path order.
 */
async function readColdPages(pages: readonly Page[], cache: FilePageCache): Promise<Map<string, PageRead>> {
  const cold = new Map<string, Page>();
  // Keyed as the cache keys them (path and text): a page both sides hold is read once.
  for (const page of pages) if (!cold.has(cache.key(page)) && !cache.has(page)) cold.set(cache.key(page), page);
  const all = [...cold.values()].sort((a, b) => compareCodeUnits(a.path, b.path));
  const read = readsOnTwoThreads(all.length) ? await readPagesOnTwoThreads(all) : readPages(all);
  const reads = new Map<string, PageRead>();
  all.forEach((page, index) => {
    const pageRead = read[index] as PageRead;
    reads.set(cache.key(page), pageRead);
    cache.set(page, pageRead);
  });
  return reads;
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
  const reads = await readColdPages([...oldSide.pages, ...newSide.pages], cache);
  // Pages just read come from memory (as read); the others from the cache file.
  const layered: PageCache = { get: (page) => reads.get(cache.key(page)) ?? cache.get(page), set: (page, read) => cache.set(page, read) };
  let models;
  try {
    const oldModel = buildModel(oldSide.pages, { cache: layered, onPage: (done) => progress.update('graphdoc: reading pages', done, total) });
    const newModel = buildModel(newSide.pages, { cache: layered, onPage: (done) => progress.update('graphdoc: reading pages', oldSide.pages.length + done, total) });
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
