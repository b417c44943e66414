/**
 * What the command line prints: diagnostics (text, JSON, or GitHub Actions
 * annotations), the one-line summary, and a progress line on slow runs.
 *
 * Conventions: diagnostics go to stderr and the summary to stdout in text
 * mode; `--format json` prints one JSON document on stdout and nothing else.
 * Colours only when the stream is a TTY (or FORCE_COLOR is set), never when
 * NO_COLOR is set. Progress only on a TTY, outside CI, after a second.
 */
import { createColors } from 'picocolors';
import { relative, sep } from 'node:path';
import { countBySeverity, type Diagnostic, type Severity } from './diagnostics.js';
import type { Staleness } from './output.js';

/** Exit codes: 0 success, 1 stale output or errors in the docs (or too many warnings), 2 usage error; 3 (internal error) is set by bin/graphdoc.js. */
export const exitCode = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The process, as the CLI sees it: injected so tests and embedders can capture it. */
export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The two-function shape some commands take (`checkExamplesCommand(options, io)`). */
export interface TextIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function textIo(io: Io): TextIo {
  return { stdout: (text) => void io.stdout.write(text), stderr: (text) => void io.stderr.write(text) };
}

export type Colors = ReturnType<typeof createColors>;

const isSet = (value: string | undefined): boolean => value !== undefined && value !== '';

/** NO_COLOR (any non-empty value) always wins; then FORCE_COLOR (not "0"); then whether the stream is a TTY and TERM is not dumb. */
export function colorsEnabled(stream: OutStream, env: Io['env']): boolean {
  if (isSet(env.NO_COLOR)) return false;
  if (isSet(env.FORCE_COLOR)) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const colorsFor = (stream: OutStream, env: Io['env']): Colors => createColors(colorsEnabled(stream, env));

export const inCi = (env: Io['env']): boolean => isSet(env.CI) && env.CI !== 'false' && env.CI !== '0';
export const inGithubActions = (env: Io['env']): boolean => env.GITHUB_ACTIONS === 'true';

/** A path for messages: relative to the working directory, forward slashes, "." for the directory itself. */
export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

/** The prefix joined to a diagnostic's file (which is relative to the specs directory). */
export function filePrefix(specsDir: string, cwd: string): string {
  const rel = relative(cwd, specsDir).split(sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}

const severityColor = (c: Colors, severity: Severity) => (severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue);

/** `specs/x.md:42:3  warning  Unknown type "Strng"; typed as unknown  unknown-type` */
export function formatDiagnosticText(d: Diagnostic, prefix: string, c: Colors): string {
  return `${c.bold(`${prefix}${d.file}:${d.line}:${d.column}`)}  ${severityColor(c, d.severity)(d.severity)}  ${d.message}  ${c.dim(d.code)}`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::warning file=specs/x.md,line=42,col=3,title=graphdoc unknown-type::Unknown type …` */
export function formatGithubAnnotation(d: Diagnostic, prefix: string): string {
  const command = d.severity === 'info' ? 'notice' : d.severity;
  const properties = [`file=${escapeProperty(`${prefix}${d.file}`)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) properties.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined && d.endLine === d.line) properties.push(`endColumn=${d.endColumn}`);
  properties.push(`title=${escapeProperty(`graphdoc ${d.code}`)}`);
  return `::${command} ${properties.join(',')}::${escapeData(d.message)}`;
}

/** Prints diagnostics in text mode: plain lines on stderr, or annotations on stdout under GitHub Actions. Notes only when verbose. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], prefix: string, verbose: boolean): void {
  const github = inGithubActions(io.env);
  const c = colorsFor(io.stderr, io.env);
  for (const d of diagnostics) {
    if (d.severity === 'info' && !verbose) continue;
    if (github) io.stdout.write(`${formatGithubAnnotation(d, prefix)}\n`);
    else io.stderr.write(`${formatDiagnosticText(d, prefix, c)}\n`);
  }
}

export interface RunSummary {
  readonly pages: number;
  /** Pages parsed this run (cache misses). */
  readonly parsed: number;
  readonly declarations: number;
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Descriptions left out of the documentation because they were only a placeholder ("TODO: Add Description"). */
  readonly placeholders: number;
  readonly durationMs: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "2 pages (1 parsed), 3 declarations, 2 files; 0 errors, 1 warning; 180 ms" */
export function summaryText(s: RunSummary): string {
  const counts = countBySeverity(s.diagnostics);
  const notes = counts.info > 0 ? `, ${plural(counts.info, 'note')}` : '';
  const placeholders = s.placeholders > 0 ? `, ${plural(s.placeholders, 'placeholder description')} left out` : '';
  return `${plural(s.pages, 'page')} (${s.parsed} parsed), ${plural(s.declarations, 'declaration')}, ${plural(s.files, 'file')}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${notes}${placeholders}; ${formatDuration(s.durationMs)}`;
}

export function staleLines(stale: Staleness): string[] {
  return [...stale.added.map((f) => `  added    ${f}`), ...stale.changed.map((f) => `  changed  ${f}`), ...stale.removed.map((f) => `  removed  ${f}`)];
}

/** The document `--format json` prints: stable field names, diagnostics with their file relative to the working directory. */
export interface JsonReport {
  readonly version: 1;
  readonly mode: 'write' | 'check';
  readonly ok: boolean;
  readonly exitCode: number;
  readonly specs: string;
  readonly out: string;
  readonly summary: {
    readonly pages: number;
    readonly parsed: number;
    readonly declarations: number;
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly notes: number;
    readonly placeholders: number;
    readonly durationMs: number;
  };
  /** write mode: whether the output directory was replaced. */
  readonly written?: boolean;
  /** check mode: how the output directory differs. */
  readonly stale?: Staleness;
  /** write mode: a page that changed while the run read the specs; nothing was written. */
  readonly superseded?: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function jsonReport(args: {
  mode: 'write' | 'check';
  exitCode: number;
  specs: string;
  out: string;
  summary: RunSummary;
  prefix: string;
  written?: boolean;
  stale?: Staleness;
  superseded?: string;
}): JsonReport {
  const counts = countBySeverity(args.summary.diagnostics);
  return {
    version: 1,
    mode: args.mode,
    ok: args.exitCode === 0,
    exitCode: args.exitCode,
    specs: args.specs,
    out: args.out,
    summary: {
      pages: args.summary.pages,
      parsed: args.summary.parsed,
      declarations: args.summary.declarations,
      files: args.summary.files,
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.info,
      placeholders: args.summary.placeholders,
      durationMs: Math.round(args.summary.durationMs),
    },
    ...(args.written === undefined ? {} : { written: args.written }),
    ...(args.stale === undefined ? {} : { stale: args.stale }),
    ...(args.superseded === undefined ? {} : { superseded: args.superseded }),
    diagnostics: args.summary.diagnostics.map((d) => ({ ...d, file: `${args.prefix}${d.file}` })),
  };
}

/**
 * A progress line on stderr for runs that take over a second: only on a TTY,
 * outside CI, in text mode. Redrawn at most ten times a second and erased at
 * the end, so it never mixes with the diagnostics.
 */
export function createProgress(io: Io, enabled: boolean, now: () => number = () => performance.now()) {
  const active = enabled && io.stderr.isTTY === true && !inCi(io.env);
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(label: string, done: number, total: number): void {
      if (!active) return;
      const t = now();
      if (t - started < 1000 || (t - lastDraw < 100 && done !== total)) return;
      lastDraw = t;
      drawn = true;
      const width = 20;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      io.stderr.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    },
    clear(): void {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
