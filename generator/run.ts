/**
 * One run of `graphdoc generate`, shared by the one-shot command and watch
 * mode: read the pages, call the programmatic `generate()` with the cache,
 * then compare (`--check`) or write atomically. Returns what happened; the
 * caller decides how to print it.
 */
import { existsSync } from 'node:fs';
import { countBySeverity, sortDiagnostics } from './diagnostics.js';
import type { EmittedFiles } from './emit/index.js';
import type { Model } from './model/ir.js';
import { FilePageCache } from './cache.js';
import { emitOptionsOf, type Settings } from './config.js';
import { assertSafeOutputDir, compareWithDisk, isUpToDate, pendingRecovery, realOutputDir, recoverInterruptedRuns, writeAtomically, type Recovery, type Staleness } from './output.js';
import { generate, type Page } from './pipeline.js';
import { exitCode, type RunSummary } from './report.js';
import { readSpecs } from './specs.js';

export { readSpecs, type SpecsRead } from './specs.js';

export interface RunOutcome {
  readonly exitCode: number;
  readonly pages: readonly Page[];
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
  readonly recovery?: Recovery;
  /** check mode: the output directory is missing but an interrupted run's copy of it waits to be restored. */
  readonly pendingRecovery?: string;
  readonly cacheNote?: string;
}

export interface RunRequest {
  readonly settings: Settings;
  readonly mode: 'write' | 'check';
  readonly cwd: string;
  /** Reused across runs by watch mode; created from the settings when absent. */
  readonly cache?: FilePageCache;
  readonly onPage?: (done: number, total: number) => void;
}

export function cacheFor(settings: Settings): FilePageCache | undefined {
  return settings.cache ? new FilePageCache(FilePageCache.fileFor(settings.cacheDir, settings.specs)) : undefined;
}

export async function runOnce(request: RunRequest): Promise<RunOutcome> {
  const started = performance.now();
  const { settings, mode } = request;
  const read = await readSpecs(settings);
  const outDir = realOutputDir(settings.out);
  assertSafeOutputDir(outDir, { specsDir: settings.specs, cwd: request.cwd });
  const recovery = mode === 'write' ? recoverInterruptedRuns(outDir) : undefined;

  const cache = request.cache ?? cacheFor(settings);
  cache?.beginRun();
  const result = generate(read.pages, emitOptionsOf(settings), { ...(cache ? { cache } : {}), ...(request.onPage ? { onPage: request.onPage } : {}) });
  // --check writes nothing, the cache included: it reads the cache but leaves it as it was.
  const cacheNote = mode === 'write' ? cache?.save() : undefined;
  const parsed = cache ? cache.stats().misses : read.pages.length;

  const diagnostics = read.diagnostics.length > 0 ? sortDiagnostics([...read.diagnostics, ...result.diagnostics]) : result.diagnostics;
  const counts = countBySeverity(diagnostics);
  const failure = counts.error > 0 ? 'errors' : settings.maxWarnings >= 0 && counts.warning > settings.maxWarnings ? 'warnings' : undefined;

  let stale: Staleness;
  let written = false;
  if (mode === 'check') {
    stale = compareWithDisk(outDir, result.files);
  } else if (failure === undefined) {
    stale = compareWithDisk(outDir, result.files);
    if (!isUpToDate(stale) || !existsSync(outDir)) {
      writeAtomically(outDir, result.files);
      written = true;
    }
  } else {
    stale = { added: [], changed: [], removed: [] };
  }
  const failed = failure !== undefined || (mode === 'check' && !isUpToDate(stale));
  const summary: RunSummary = {
    pages: read.pages.length,
    parsed,
    declarations: result.model.declarations.length,
    files: result.files.size,
    diagnostics,
    durationMs: performance.now() - started,
  };
  const pending = mode === 'check' ? pendingRecovery(outDir) : undefined;
  return {
    exitCode: failed ? exitCode.failed : exitCode.ok,
    pages: read.pages,
    files: result.files,
    model: result.model,
    summary,
    stale,
    written,
    ...(failure ? { failure } : {}),
    ...(recovery && (recovery.restored !== undefined || recovery.removed.length > 0) ? { recovery } : {}),
    ...(pending ? { pendingRecovery: pending } : {}),
    ...(cacheNote ? { cacheNote } : {}),
  };
}
