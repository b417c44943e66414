/**
 * One run of `graphdoc generate`, shared by the one-shot command and watch
 * mode: read the pages, call the programmatic `generate()` with the cache,
 * then compare (`--check`) or write atomically. Returns what happened; the
 * caller decides how to print it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { EmittedFiles } from './emit/index.js';
import type { Model } from './model/ir.js';
import { FilePageCache } from './cache.js';
import { emitOptionsOf, SpecsError, type Settings } from './config.js';
import { assertSafeOutputDir, checkOwnership, compareWithDisk, faultAt, filesAsWritten, isUpToDate, manifestDigest, OutputError, pendingRecovery, realOutputDir, recoverInterruptedRuns, withManifest, writeAtomically, type Recovery, type Staleness } from './output.js';
import { generate, type EmittedStore, type Page } from './pipeline.js';
import { displayPath, exitCode, type RunSummary } from './report.js';
import { readSpecs } from './specs.js';

export interface RunOutcome {
  readonly exitCode: number;
  readonly pages: readonly Page[];
  /** What was generated, the manifest included. */
  readonly files: EmittedFiles;
  /** The model the run generated from (watch mode compares it with the previous run's). */
  readonly model: Model;
  readonly summary: RunSummary;
  /** Check mode: how the output differs from what would be generated. Write mode: what the write changed (empty when nothing needed writing). */
  readonly stale: Staleness;
  /** Write mode: whether the output directory was replaced. */
  readonly written: boolean;
  /** Why the run failed because of the docs, when it did. */
  readonly failure?: 'errors' | 'warnings';
  /** Write mode: a page that changed (or appeared, or went) after this run read it; the run did not write, leaving the output to a run that reads the new text. */
  readonly superseded?: string;
  readonly recovery?: Recovery;
  /** The previous output, when it could not be removed after the swap. */
  readonly leftover?: { readonly path: string; readonly reason: string };
  /** check mode: the output directory is missing but an interrupted run's copy of it waits to be restored. */
  readonly pendingRecovery?: string;
  readonly cacheNote?: string;
}

export interface RunRequest {
  readonly settings: Settings;
  readonly mode: 'write' | 'check';
  readonly cwd: string;
  /** Replace the output directory even when it holds files graphdoc did not write, or edited ones. */
  readonly force?: boolean;
  /** Reused across runs by watch mode; created from the settings when absent. */
  readonly cache?: FilePageCache;
  readonly onPage?: (done: number, total: number) => void;
}

export function cacheFor(settings: Settings): FilePageCache | undefined {
  return settings.cache ? new FilePageCache(FilePageCache.fileFor(settings.cacheDir, settings.specs)) : undefined;
}

/**
 * Emitting is most of a run whose pages are all cached: when the model and
 * options are those the output directory was last generated from (their
 * digest, noted in the cache, whose key carries the generator's fingerprint)
 * and the directory still holds those files unchanged (its manifest and every
 * file's hash), they are the files this run would emit, so they are read
 * instead. Anything else (an edited or missing file, another generator, other
 * options) emits as usual. `record` notes the manifest of what the run
 * generated, once the run has made it.
 */
interface OutputReuse {
  readonly emitted: EmittedStore;
  record(files: ReadonlyMap<string, string>): void;
}

function outputReuse(cache: FilePageCache, outDir: string): OutputReuse {
  let name: string | undefined;
  return {
    emitted: (model, options, emit) => {
      name = `output ${createHash('sha256').update(JSON.stringify(options)).update('\0').update(JSON.stringify(model)).digest('hex')}`;
      const recorded = cache.note(name);
      return (recorded === undefined ? undefined : filesAsWritten(outDir, recorded)) ?? emit();
    },
    record: (files) => {
      if (name !== undefined) cache.setNote(name, manifestDigest(files));
    },
  };
}

/** Refuses (exit 2) to replace an output directory holding files graphdoc did not write, or edited ones. */
function assertOwned(outDir: string, files: ReadonlyMap<string, string>, cwd: string): void {
  const { foreign, edited } = checkOwnership(outDir, files);
  const out = displayPath(outDir, cwd);
  const more = (list: readonly string[]) => (list.length > 1 ? ` (and ${list.length - 1} more)` : '');
  const [firstForeign] = foreign;
  if (firstForeign !== undefined) {
    throw new OutputError(`refusing to replace ${out}: ${out}/${firstForeign} was not written by graphdoc${more(foreign)}. Move it out of ${out} (or choose another --out), or pass --force to replace the directory anyway.`);
  }
  const [firstEdited] = edited;
  if (firstEdited !== undefined) {
    throw new OutputError(`refusing to replace ${out}: ${out}/${firstEdited} was edited since graphdoc wrote it${more(edited)}. Keep your changes elsewhere, or pass --force to overwrite them.`);
  }
}

/** The first page whose text differs from what the run read (or that appeared or went), reading the specs again; undefined when none. */
function firstChangedPage(read: readonly Page[], settings: Settings): string | undefined {
  let now: readonly Page[];
  try {
    now = readSpecs(settings).pages;
  } catch {
    return '.';
  }
  const before = new Map(read.map((page) => [page.path, page.text]));
  for (const page of now) {
    if (before.get(page.path) !== page.text) return page.path;
    before.delete(page.path);
  }
  return before.keys().next().value;
}

/**
 * A specs directory with no page to read is a mistake in the command (a wrong
 * --specs or --include), not an empty doc set: refused, as tsc refuses a
 * project with no inputs, so that a typo never replaces good output with an
 * empty one.
 */
function noPagesMessage(settings: Settings, cwd: string, skipped: readonly Diagnostic[]): string {
  const specs = displayPath(settings.specs, cwd);
  const [first] = skipped;
  if (first !== undefined) {
    const files = skipped.length === 1 ? 'the one file' : `all ${skipped.length} files`;
    return `no page to generate from: ${files} under ${specs} matching --include could not be read (${first.file}: ${first.message}); nothing was written`;
  }
  return `no page to generate from: nothing under ${specs} matches --include ${settings.include.join(' ')}${settings.exclude.length > 0 ? ` (--exclude ${settings.exclude.join(' ')})` : ''}; check --specs and --include; nothing was written`;
}

export async function runOnce(request: RunRequest): Promise<RunOutcome> {
  const started = performance.now();
  const { settings, mode } = request;
  const read = readSpecs(settings);
  if (read.pages.length === 0) throw new SpecsError(noPagesMessage(settings, request.cwd, read.diagnostics));
  faultAt('read');
  const outDir = realOutputDir(settings.out);
  assertSafeOutputDir(outDir, { specsDir: settings.specs, cwd: request.cwd });
  const recovery = mode === 'write' ? recoverInterruptedRuns(outDir) : undefined;

  const cache = request.cache ?? cacheFor(settings);
  cache?.beginRun();
  const reuse = cache ? outputReuse(cache, outDir) : undefined;
  const result = generate(read.pages, emitOptionsOf(settings), { ...(cache ? { cache } : {}), ...(reuse ? { emitted: reuse.emitted } : {}), ...(request.onPage ? { onPage: request.onPage } : {}) });
  const files = withManifest(result.files);
  reuse?.record(files);
  // --check writes nothing, the cache included: it reads the cache but leaves it as it was.
  const cacheNote = mode === 'write' ? cache?.save() : undefined;
  const parsed = cache ? cache.stats().misses : read.pages.length;

  const diagnostics = read.diagnostics.length > 0 ? sortDiagnostics([...read.diagnostics, ...result.diagnostics]) : result.diagnostics;
  const counts = countBySeverity(diagnostics);
  const failure = counts.error > 0 ? 'errors' : settings.maxWarnings >= 0 && counts.warning > settings.maxWarnings ? 'warnings' : undefined;

  let stale: Staleness;
  let written = false;
  let superseded: string | undefined;
  let leftover: RunOutcome['leftover'];
  if (mode === 'check') {
    stale = compareWithDisk(outDir, files);
  } else if (failure === undefined) {
    stale = compareWithDisk(outDir, files);
    if (!isUpToDate(stale) || !existsSync(outDir)) {
      // Under the output's lock: nothing foreign to lose, and the pages are still those this run read; then swap.
      const write = writeAtomically(outDir, files, () => {
        if (!request.force) assertOwned(outDir, files, request.cwd);
        superseded = firstChangedPage(read.pages, settings);
        return superseded === undefined;
      });
      written = write.written;
      leftover = write.leftover;
    }
  } else {
    stale = { added: [], changed: [], removed: [] };
  }
  const failed = failure !== undefined || superseded !== undefined || (mode === 'check' && !isUpToDate(stale));
  const summary: RunSummary = {
    pages: read.pages.length,
    parsed,
    declarations: result.model.declarations.length,
    files: files.size,
    diagnostics,
    placeholders: result.placeholders,
    durationMs: performance.now() - started,
  };
  const pending = mode === 'check' ? pendingRecovery(outDir) : undefined;
  return {
    exitCode: failed ? exitCode.failed : exitCode.ok,
    pages: read.pages,
    files,
    model: result.model,
    summary,
    stale,
    written,
    ...(failure ? { failure } : {}),
    ...(superseded !== undefined ? { superseded } : {}),
    ...(recovery && (recovery.restored !== undefined || recovery.removed.length > 0 || recovery.failed.length > 0) ? { recovery } : {}),
    ...(leftover ? { leftover } : {}),
    ...(pending ? { pendingRecovery: pending } : {}),
    ...(cacheNote ? { cacheNote } : {}),
  };
}
