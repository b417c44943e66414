/**
 * The output directory: comparing it with what would be generated (`--check`)
 * and replacing it atomically.
 *
 * A write goes into a staging directory beside the output
 * (`.<out>.graphdoc-staging-<pid>-<token>`), which is swapped in with two
 * renames only when every file is written: output → `.<out>.graphdoc-previous-
 * <pid>-<token>`, staging → output. Until the first rename the previous output
 * is untouched; a run killed between the two renames leaves it, whole, in the
 * `previous` directory, and the next run moves it back before doing anything.
 * Leftovers of killed runs are removed by the next run, and only when they
 * are directories with these exact names for this output directory whose
 * process is no longer alive, so a concurrent run is never disturbed. Nothing
 * outside the output directory and these siblings is ever written or removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './config.js';
import { compareCodeUnits } from './order.js';

export class OutputError extends UsageError {}

export interface Staleness {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export const isUpToDate = (s: Staleness): boolean => s.added.length + s.changed.length + s.removed.length === 0;


/** Files in a directory, relative, with forward slashes, sorted by code unit. Symbolic links count as files. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort(compareCodeUnits);
}

/** Byte-for-byte comparison of the output directory with the files a run would write. */
export function compareWithDisk(outDir: string, files: ReadonlyMap<string, string>): Staleness {
  const onDisk = new Set(listFiles(outDir));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, text] of files) {
    if (!onDisk.has(path)) added.push(path);
    else if (!readFileSync(join(outDir, path)).equals(Buffer.from(text, 'utf8'))) changed.push(path);
    onDisk.delete(path);
  }
  return { added: added.sort(compareCodeUnits), changed: changed.sort(compareCodeUnits), removed: [...onDisk].sort(compareCodeUnits) };
}

/** Compares two in-memory outputs (watch mode: what changed since the previous run). */
export function compareFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Staleness {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, text] of after) {
    const old = before.get(path);
    if (old === undefined) added.push(path);
    else if (old !== text) changed.push(path);
  }
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return { added: added.sort(compareCodeUnits), changed: changed.sort(compareCodeUnits), removed: removed.sort(compareCodeUnits) };
}

const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * Refuses output directories whose replacement would destroy something that
 * is not generated output: the file system root, the home directory or an
 * ancestor of it, the working directory or an ancestor of it, the specs directory or an ancestor of it, or a directory
 * holding a package.json or .git.
 */
export function assertSafeOutputDir(outDir: string, guarded: { readonly specsDir: string; readonly cwd: string }): void {
  const out = resolve(outDir);
  if (dirname(out) === out) throw new OutputError(`refusing to use the file system root as the output directory`);
  if (isInside(homedir(), out)) throw new OutputError(`refusing to replace ${out}: it is the home directory or contains it`);
  if (isInside(guarded.cwd, out)) throw new OutputError(`refusing to replace ${out}: it is the working directory or contains it`);
  if (isInside(guarded.specsDir, out)) throw new OutputError(`refusing to replace ${out}: it is the specs directory or contains it`);
  if (isInside(out, guarded.specsDir)) throw new OutputError(`the output directory ${out} is inside the specs directory`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new OutputError(`output path exists and is not a directory: ${out}`);
    for (const marker of ['package.json', '.git']) {
      if (existsSync(join(out, marker))) throw new OutputError(`refusing to replace ${out}: it contains ${marker}, so it is not generated output`);
    }
  }
}

/** Where the output really is: a symbolic link to a directory is followed, so the link itself survives the swap. */
export function realOutputDir(outDir: string): string {
  const out = resolve(outDir);
  try {
    if (lstatSync(out).isSymbolicLink()) return realpathSync(out);
  } catch {
    // Does not exist yet.
  }
  return out;
}

type Kind = 'staging' | 'previous';
const siblingName = (outDir: string, kind: Kind, pid: number, token: string) => `.${basename(outDir)}.graphdoc-${kind}-${pid}-${token}`;

function siblings(outDir: string): { path: string; kind: Kind; pid: number }[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^\\.${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.graphdoc-(staging|previous)-(\\d+)-[0-9a-f]{12}$`);
  const found: { path: string; kind: Kind; pid: number }[] = [];
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const match = pattern.exec(entry.name);
    if (match && entry.isDirectory()) found.push({ path: join(parent, entry.name), kind: match[1] as Kind, pid: Number(match[2]) });
  }
  return found.sort((a, b) => compareCodeUnits(a.path, b.path));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Recovery {
  /** A previous output moved back into place (a run was killed between its two renames). */
  readonly restored?: string;
  /** Leftover staging or previous directories of dead runs that were removed. */
  readonly removed: readonly string[];
}

/**
 * Cleans up after runs that were killed: moves a previous output back when
 * the output directory is missing, then removes leftovers of dead processes.
 */
export function recoverInterruptedRuns(outDir: string): Recovery {
  const dead = siblings(outDir).filter((s) => !isAlive(s.pid));
  let restored: string | undefined;
  if (!existsSync(outDir)) {
    const previous = dead.find((s) => s.kind === 'previous');
    if (previous) {
      renameSync(previous.path, outDir);
      restored = previous.path;
    }
  }
  const removed: string[] = [];
  for (const leftover of dead) {
    if (leftover.path === restored) continue;
    rmSync(leftover.path, { recursive: true, force: true });
    removed.push(leftover.path);
  }
  return restored === undefined ? { removed } : { restored, removed };
}

/** An interrupted run's previous output waiting to be restored, if the output directory is missing (for --check, which writes nothing). */
export function pendingRecovery(outDir: string): string | undefined {
  if (existsSync(outDir)) return undefined;
  return siblings(outDir).find((s) => s.kind === 'previous' && !isAlive(s.pid))?.path;
}

/**
 * Fault injection for the end-to-end tests: GRAPHDOC_FAULT=`kill@file:N`
 * (SIGKILL this process after writing N files), `throw@file:N`, `kill@swap`
 * (SIGKILL between the two renames). Never set outside tests.
 */
function faultAt(point: string): void {
  const fault = process.env.GRAPHDOC_FAULT;
  if (!fault) return;
  const [action, at] = fault.split('@');
  if (at !== point) return;
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action === 'throw') throw new Error(`injected fault at ${point}`);
}

/**
 * Replaces the output directory with exactly `files`, atomically: the
 * previous output stays byte-identical unless every file was written.
 */
export function writeAtomically(outDir: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const token = randomBytes(6).toString('hex');
  const staging = join(parent, siblingName(outDir, 'staging', process.pid, token));
  const previous = join(parent, siblingName(outDir, 'previous', process.pid, token));
  let written = 0;
  try {
    mkdirSync(staging);
    for (const [path, text] of files) {
      if (path.split('/').some((part) => part === '..' || part === '') || path.startsWith('/')) throw new OutputError(`refusing to write outside the output directory: ${path}`);
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      written++;
      faultAt(`file:${written}`);
    }
    const hadOutput = existsSync(outDir);
    if (hadOutput) renameSync(outDir, previous);
    faultAt('swap');
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (hadOutput) renameSync(previous, outDir);
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
  }
}
