/**
 * `graphdoc generate --watch`: regenerates when pages change, with a
 * debounce, and prints one line per run. A run with errors (a page half-way
 * through an edit) writes nothing and the watch goes on; the next save that
 * fixes it writes again. The configuration file is watched too and reloaded
 * when it changes; an invalid one is reported and the previous one kept.
 *
 * The per-page cache is kept in memory across runs (and saved to disk when
 * caching is on), so a run after a one-page edit parses one page. After each
 * run, one line says what changed in the model since the previous run
 * (`graphdoc diff`'s comparison, summed up).
 */
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { FilePageCache } from './cache.js';
import { ConfigError, SpecsError, UsageError, type Settings } from './config.js';
import { compareCodeUnits } from './order.js';
import { colorsFor, displayPath, filePrefix, formatDiagnosticText, formatDuration, formatGithubAnnotation, inGithubActions, jsonReport, type Io } from './report.js';
import { cacheFor, runOnce, type RunOutcome } from './run.js';
import { isLinkBackIntoTree, realSpecsDir } from './specs.js';
import { countBySeverity, diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { compareModels } from './diff/compare.js';
import { oneLine } from './diff/format.js';
import type { Model } from './model/ir.js';

export interface WatchRequest {
  readonly io: Io;
  /** Reads the configuration and flags again (throws ConfigError when the file is invalid). */
  readonly resolveSettings: () => Settings;
  /** Config files whose change reloads the settings (they need not exist yet). */
  readonly configFiles: readonly string[];
  /** Resolves when the watch should stop; SIGINT and SIGTERM also stop it. */
  readonly stop?: Promise<void>;
  /** Replace an output directory holding files graphdoc did not write (`--force`). */
  readonly force?: boolean;
}

/** Per page: the declarations it contributes, each with how many properties (or members) it gives them. */
export type PageShapes = ReadonlyMap<string, ReadonlyMap<string, { readonly name: string; readonly count: number; readonly line: number }>>;

export function pageShapes(model: Model): PageShapes {
  const shapes = new Map<string, Map<string, { name: string; count: number; line: number }>>();
  const add = (file: string, id: string, name: string, line: number, count: number) => {
    const page = shapes.get(file) ?? new Map<string, { name: string; count: number; line: number }>();
    shapes.set(file, page);
    const entry = page.get(id) ?? { name, count: 0, line };
    page.set(id, { ...entry, count: entry.count + count });
  };
  for (const declaration of model.declarations) {
    add(declaration.origin.file, declaration.id, declaration.name, declaration.origin.line, 0);
    const parts = declaration.kind === 'object' ? declaration.properties : declaration.members;
    for (const part of parts) add(part.origin.file, declaration.id, declaration.name, declaration.origin.line, 1);
  }
  return shapes;
}

/**
 * Pages among `changed` that stopped declaring a type, or whose type lost most
 * of what the page gave it (fewer than half, and at least two fewer): what a
 * page saved half-way through an edit looks like.
 */
export function shrunkPages(before: PageShapes, after: PageShapes, changed: Iterable<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of changed) {
    const now = after.get(file) ?? new Map();
    for (const [id, was] of before.get(file) ?? []) {
      const is = now.get(id);
      if (is === undefined) found.push(diagnostic('page-shrank', { file, line: 1, column: 1 }, `Type "${was.name}" is no longer declared by this page`));
      else if (is.count < was.count / 2 && was.count - is.count >= 2) found.push(diagnostic('page-shrank', { file, line: is.line, column: 1 }, `Type "${was.name}" lost ${was.count - is.count} of its ${was.count} properties`));
    }
  }
  return found;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function diagnosticKey(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
}

/** Watches until stopped; returns the exit code (0 after a clean stop, 2 when the first settings are unusable). */
export async function watchAndGenerate(request: WatchRequest): Promise<number> {
  const { io } = request;
  let settings = request.resolveSettings();
  let cache: FilePageCache = cacheFor(settings) ?? new FilePageCache(undefined);
  let previousPages = new Map<string, string>();
  let previousShapes: PageShapes = new Map();
  let previousDiagnostics = new Set<string>();
  let previousModel: Model | undefined;
  let specsWatcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  let reloadConfig = false;
  let stopped = false;

  const line = (text: string) => io.stdout.write(`${text}\n`);
  const problem = (text: string) => io.stderr.write(`${text}\n`);
  const json = () => settings.format === 'json';

  const watchSpecs = (): FSWatcher => {
    void specsWatcher?.close();
    const specsRoot = realSpecsDir(settings.specs);
    const watcher = chokidarWatch(settings.specs, {
      ignoreInitial: true,
      // Only Markdown files trigger a run; directories are walked. include/exclude are applied by the run itself.
      // Links are not followed back into the tree (as in reading the specs), so a link to an ancestor is not watched over and over.
      ignored: (path, stats) => (stats?.isFile() === true && !path.endsWith('.md')) || isLinkBackIntoTree(path, specsRoot),
    });
    watcher.on('all', () => schedule());
    watcher.on('error', (error) => problem(`graphdoc: watch error: ${error instanceof Error ? error.message : String(error)}`));
    specsWatcher = watcher;
    return watcher;
  };

  const printRun = (outcome: RunOutcome, changedPages: number, shrunk: readonly Diagnostic[]) => {
    const prefix = filePrefix(settings.specs, io.cwd);
    const counts = countBySeverity(outcome.summary.diagnostics);
    if (json()) {
      const report = jsonReport({
        mode: 'write',
        exitCode: outcome.exitCode,
        specs: displayPath(settings.specs, io.cwd),
        out: displayPath(settings.out, io.cwd),
        summary: outcome.summary,
        prefix,
        written: outcome.written,
        ...(outcome.superseded !== undefined ? { superseded: `${prefix}${outcome.superseded}` } : {}),
      });
      line(JSON.stringify({ ...report, pagesChanged: changedPages, filesWritten: filesWritten(outcome), shrunk: shrunk.map((d) => ({ ...d, file: `${prefix}${d.file}` })) }));
      return;
    }
    // Diagnostics new since the previous run, and every error (errors are why nothing was written); pages that shrank.
    const current = new Set<string>();
    const c = colorsFor(io.stderr, io.env);
    for (const d of sortDiagnostics([...outcome.summary.diagnostics, ...shrunk])) {
      const key = diagnosticKey(d);
      current.add(key);
      if (d.severity === 'info' && !settings.verbose) continue;
      if (previousDiagnostics.has(key) && d.severity !== 'error') continue;
      if (inGithubActions(io.env)) line(formatGithubAnnotation(d, prefix));
      else problem(formatDiagnosticText(d, prefix, c));
    }
    previousDiagnostics = current;
    const result = outcome.failure
      ? `not written (${outcome.failure === 'errors' ? plural(counts.error, 'error') : 'too many warnings'})`
      : outcome.superseded !== undefined
        ? `not written (${prefix}${outcome.superseded} changed during the run)`
        : `${plural(filesWritten(outcome), 'file')} written`;
    line(`graphdoc: ${plural(changedPages, 'page')} changed, ${result}, ${plural(counts.warning, 'warning')}, ${formatDuration(outcome.summary.durationMs)}`);
  };

  const filesWritten = (outcome: RunOutcome) => (outcome.written ? outcome.stale.added.length + outcome.stale.changed.length + outcome.stale.removed.length : 0);

  const runNow = async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      if (reloadConfig) {
        reloadConfig = false;
        try {
          const next = request.resolveSettings();
          const specsMoved = next.specs !== settings.specs;
          if (specsMoved || next.cache !== settings.cache || next.cacheDir !== settings.cacheDir) cache = cacheFor(next) ?? new FilePageCache(undefined);
          if (specsMoved || next.out !== settings.out) {
            previousPages = new Map();
            previousShapes = new Map();
            previousDiagnostics = new Set();
            previousModel = undefined;
          }
          settings = next;
          if (specsMoved) watchSpecs();
          line('graphdoc: configuration reloaded');
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          problem(`graphdoc: ${error.message}; keeping the previous configuration`);
        }
      }
      const outcome = await runOnce({ settings, mode: 'write', cwd: io.cwd, cache, force: request.force === true });
      const pages = new Map(outcome.pages.map((p) => [p.path, p.text]));
      const edited = [...pages].filter(([path, text]) => previousPages.has(path) && previousPages.get(path) !== text).map(([path]) => path);
      let changedPages = 0;
      for (const [path, text] of pages) if (previousPages.get(path) !== text) changedPages++;
      for (const path of previousPages.keys()) if (!pages.has(path)) changedPages++;
      const shapes = pageShapes(outcome.model);
      const shrunk = shrunkPages(previousShapes, shapes, edited);
      previousPages = pages;
      previousShapes = shapes;
      printRun(outcome, changedPages, shrunk);
      // "graphdoc: model: user: +1 property, enum ageGroup: −1 member (breaking for writers)"
      const modelChanges = previousModel && !json() ? oneLine(compareModels(previousModel, outcome.model)) : undefined;
      if (modelChanges) line(`graphdoc: model: ${modelChanges}`);
      previousModel = outcome.model;
      if (outcome.superseded !== undefined) pending = true;
      if (outcome.cacheNote) problem(`graphdoc: ${outcome.cacheNote}`);
    } catch (error) {
      // A run that fails (a vanished specs directory, an unwritable output) is reported; the watch goes on.
      if (error instanceof UsageError) problem(`graphdoc: ${error.message}`);
      else problem(`graphdoc: run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      running = false;
    }
    if (pending && !stopped) {
      pending = false;
      schedule();
    }
  };

  function schedule() {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runNow();
    }, settings.debounce);
  }

  // Watchers first, so an edit made during the first run is not missed.
  const ready = (watcher: FSWatcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  if (!existsSync(settings.specs) || !statSync(settings.specs).isDirectory()) throw new SpecsError(`specs directory not found: ${settings.specs}`);
  const specsReady = ready(watchSpecs());
  const configDirs = [...new Set(request.configFiles.map((f) => dirname(f)))].sort(compareCodeUnits);
  const configWatcher = chokidarWatch(configDirs, {
    ignoreInitial: true,
    depth: 0,
    ignored: (path, stats) => stats?.isFile() === true && !request.configFiles.includes(path),
  });
  configWatcher.on('all', (_event, path) => {
    if (!request.configFiles.includes(path)) return;
    reloadConfig = true;
    schedule();
  });
  await Promise.all([specsReady, ready(configWatcher)]);
  await runNow();
  if (!json()) line(`graphdoc: watching ${displayPath(settings.specs, io.cwd)} (Ctrl-C to stop)`);

  await new Promise<void>((resolve) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      resolve();
    };
    process.on('SIGINT', finish);
    process.on('SIGTERM', finish);
    void request.stop?.then(finish);
  });
  stopped = true;
  if (timer) clearTimeout(timer);
  await Promise.all([specsWatcher?.close(), configWatcher.close()]);
  return 0;
}

