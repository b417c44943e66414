/**
 * The output directory: comparing it with what would be generated (`--check`)
 * and replacing it atomically, only when everything in it is graphdoc's.
 *
 * Ownership. Every output directory carries a manifest (`.graphdoc-manifest.json`)
 * listing the files graphdoc wrote there, with their SHA-256; it is written
 * with them and compared byte for byte like them. A run replaces the
 * directory only when each file in it is listed with its hash, or is
 * byte-identical to the file the run writes; anything else is a foreign file
 * (not written by graphdoc) or an edited one, and the run refuses unless
 * `--force`. A new or empty directory just works.
 *
 * Atomicity. A write goes into a staging directory beside the output
 * (`.<out>.graphdoc-staging-<pid>-<token>`), which is swapped in with two
 * renames only when every file is written: output → `.<out>.graphdoc-previous-
 * <pid>-<token>`, staging → output. Until the first rename the previous output
 * is untouched; a run killed between the two renames leaves it, whole, in the
 * `previous` directory, and the next run moves it back before doing anything.
 * Leftovers of killed runs are removed by the next run, and only when they
 * are directories with these exact names for this output directory whose
 * process is no longer alive, so a concurrent run is never disturbed; a
 * leftover that cannot be removed is reported and does not fail the run.
 * Nothing outside the output directory and these siblings is ever written or
 * removed.
 *
 * Concurrency. The swap happens under a lock beside the output
 * (`.<out>.graphdoc-lock`, a directory made atomically, holding the pid); the
 * caller's `beforeSwap` runs under it, so "check, then swap" is one step for
 * every run writing this output.
 *
 * Failures of the environment (permissions, a read-only or full file system, a
 * path that is a file) become one-line usage errors naming the path and what
 * to do; whatever they interrupt is cleaned up, and the previous output stays.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './config.js';
import { describeFsError, environmentError, isEnvironmentError, isInside, type FsError } from './files.js';
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

/** The manifest's name inside the output directory. */
export const manifestFile = '.graphdoc-manifest.json';

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The files a run writes plus their manifest: deterministic (sorted, no timestamps), so `--check` compares it like any file. */
export function withManifest(files: ReadonlyMap<string, string>): Map<string, string> {
  const listed: Record<string, string> = {};
  for (const path of [...files.keys()].sort(compareCodeUnits)) listed[path] = createHash('sha256').update(files.get(path) ?? '', 'utf8').digest('hex');
  const manifest = {
    generator: 'graphdoc-codegen',
    manifestVersion: 1,
    note: 'The files graphdoc generate wrote in this directory, with their SHA-256. It refuses to replace a directory holding other files or edited ones (--force overrides).',
    files: listed,
  };
  return new Map([...files, [manifestFile, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** The SHA-256 of the manifest among files that carry one (as withManifest returns them). */
export function manifestDigest(files: ReadonlyMap<string, string>): string {
  return sha256(files.get(manifestFile) ?? '');
}

/**
 * The files in `outDir` as graphdoc wrote them, when its manifest is the one
 * with SHA-256 `digest` and every file it lists is there with its listed
 * hash; undefined otherwise (a file edited, missing or unreadable, another
 * manifest). Never throws.
 */
export function filesAsWritten(outDir: string, digest: string): Map<string, string> | undefined {
  try {
    const manifestText = readFileSync(join(outDir, manifestFile));
    if (sha256(manifestText) !== digest) return undefined;
    const files = new Map<string, string>();
    // The listing is read from the bytes just hashed, never from the file again (another run may swap the directory).
    for (const [path, hash] of manifestEntries(manifestText.toString('utf8'))) {
      const bytes = readFileSync(join(outDir, path));
      if (sha256(bytes) !== hash) return undefined;
      files.set(path, bytes.toString('utf8'));
    }
    return files;
  } catch {
    return undefined;
  }
}

/** The files the manifest in `outDir` lists, with their hashes; empty when there is none or it is not one. */
function readManifest(outDir: string): ReadonlyMap<string, string> {
  try {
    return manifestEntries(readFileSync(join(outDir, manifestFile), 'utf8'));
  } catch {
    return new Map();
  }
}

/** The files a manifest's text lists, with their hashes; empty when it is not a manifest. */
function manifestEntries(text: string): ReadonlyMap<string, string> {
  try {
    const json = JSON.parse(text) as { files?: unknown };
    if (typeof json.files !== 'object' || json.files === null) return new Map();
    return new Map(Object.entries(json.files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

export interface Ownership {
  /** Files graphdoc did not write (not in the manifest, and not what this run writes). */
  readonly foreign: readonly string[];
  /** Files graphdoc wrote that were changed since (hash differs from the manifest, and not what this run writes). */
  readonly edited: readonly string[];
}

/** What in the output directory is not graphdoc's to replace. `files` is what the run writes (manifest included). */
export function checkOwnership(outDir: string, files: ReadonlyMap<string, string>): Ownership {
  if (!existsSync(outDir)) return { foreign: [], edited: [] };
  const listed = readManifest(outDir);
  const foreign: string[] = [];
  const edited: string[] = [];
  for (const path of listFiles(outDir)) {
    if (path === manifestFile) continue;
    const full = join(outDir, path);
    if (lstatSync(full).isSymbolicLink()) {
      foreign.push(path); // graphdoc never writes links
      continue;
    }
    const bytes = readFileSync(full);
    const next = files.get(path);
    if (next !== undefined && bytes.equals(Buffer.from(next, 'utf8'))) continue;
    const hash = listed.get(path);
    if (hash === undefined) foreign.push(path);
    else if (hash !== sha256(bytes)) edited.push(path);
  }
  return { foreign, edited };
}

/**
 * Refuses output directories whose replacement would destroy something that
 * is not generated output: the file system root, the home directory or an
 * ancestor of it, the working directory or an ancestor of it, the specs directory or an ancestor of it, or a directory
 * holding a package.json or .git. (Files graphdoc did not write are found by checkOwnership.)
 */
export function assertSafeOutputDir(outDir: string, guarded: { readonly specsDir: string; readonly cwd: string }): void {
  const out = resolve(outDir);
  if (dirname(out) === out) throw new OutputError(`refusing to use the file system root as the output directory`);
  if (isInside(homedir(), out)) throw new OutputError(`refusing to replace ${out}: it is the home directory or contains it`);
  if (isInside(guarded.cwd, out)) throw new OutputError(`refusing to replace ${out}: it is the working directory or contains it`);
  if (isInside(guarded.specsDir, out)) throw new OutputError(`refusing to replace ${out}: it is the specs directory or contains it`);
  if (isInside(out, guarded.specsDir)) throw new OutputError(`the output directory ${out} is inside the specs directory`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new OutputError(`output path exists and is not a directory: ${out}; remove it or choose another --out`);
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
  let entries;
  try {
    entries = readdirSync(parent, { withFileTypes: true });
  } catch {
    return []; // No parent yet, or one we cannot list: nothing of ours is there.
  }
  const pattern = new RegExp(`^\\.${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.graphdoc-(staging|previous)-(\\d+)-[0-9a-f]{12}$`);
  const found: { path: string; kind: Kind; pid: number }[] = [];
  for (const entry of entries) {
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
  /** Leftovers that could not be removed or restored, with why: reported, not fatal. */
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Cleans up after runs that were killed: moves a previous output back when
 * the output directory is missing, then removes leftovers of dead processes.
 * Never throws: what cannot be cleaned up is reported in `failed`.
 */
export function recoverInterruptedRuns(outDir: string): Recovery {
  const dead = siblings(outDir).filter((s) => !isAlive(s.pid));
  let restored: string | undefined;
  const failed: { path: string; reason: string }[] = [];
  if (!existsSync(outDir)) {
    const previous = dead.find((s) => s.kind === 'previous');
    if (previous) {
      try {
        renameSync(previous.path, outDir);
        restored = previous.path;
      } catch (error) {
        failed.push({ path: previous.path, reason: `could not be moved back to ${outDir}: ${describeFsError(error)}` });
      }
    }
  }
  const removed: string[] = [];
  for (const leftover of dead) {
    if (leftover.path === restored) continue;
    try {
      rmSync(leftover.path, { recursive: true, force: true });
      removed.push(leftover.path);
    } catch (error) {
      failed.push({ path: leftover.path, reason: `could not be removed: ${describeFsError(error)}` });
    }
  }
  return restored === undefined ? { removed, failed } : { restored, removed, failed };
}

/** An interrupted run's previous output waiting to be restored, if the output directory is missing (for --check, which writes nothing). */
export function pendingRecovery(outDir: string): string | undefined {
  if (existsSync(outDir)) return undefined;
  return siblings(outDir).find((s) => s.kind === 'previous' && !isAlive(s.pid))?.path;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Fault injection for the end-to-end tests; never set outside tests.
 * GRAPHDOC_FAULT=`kill@file:N` (SIGKILL this process after writing N files),
 * `throw@file:N`, `enospc@write:N` (the Nth write fails as on a full disk),
 * `kill@swap` (SIGKILL between the two renames), `pause@P` (at point P —
 * `read` after reading the specs, `locked` holding the output lock — create
 * `$GRAPHDOC_FAULT_DIR/paused-<pid>` and wait until `$GRAPHDOC_FAULT_DIR/resume` exists).
 */
export function faultAt(point: string, path = ''): void {
  const fault = process.env.GRAPHDOC_FAULT;
  if (!fault) return;
  const [action, at] = fault.split('@');
  if (at !== point) return;
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action === 'throw') throw new Error(`injected fault at ${point}`);
  if (action === 'enospc') throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', syscall: 'write', path });
  if (action === 'pause') {
    const dir = process.env.GRAPHDOC_FAULT_DIR ?? '.';
    writeFileSync(join(dir, `paused-${process.pid}`), `${point}\n`);
    while (!existsSync(join(dir, 'resume'))) pause(20);
  }
}

const lockName = (outDir: string) => `.${basename(outDir)}.graphdoc-lock`;

/** Runs `work` holding the output's lock; waits for another run's lock, and breaks the lock of a run that died holding it. */
function withOutputLock<T>(outDir: string, work: () => T, timeoutMs = 60_000): T {
  const lock = join(dirname(outDir), lockName(outDir));
  const pidFile = join(lock, 'pid');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(pidFile, `${process.pid}\n`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        rmSync(lock, { recursive: true, force: true });
        throw environmentError(error as FsError, `cannot lock ${dirname(outDir)} for the swap`, `graphdoc needs to write beside ${basename(outDir)}; make ${dirname(outDir)} writable, or choose another --out.`);
      }
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(pidFile, 'utf8'));
      } catch {
        // Being created by another run (or left empty by a run killed right then).
      }
      const stale = Number.isInteger(holder) ? !isAlive(holder) : Date.now() - (statSafe(lock) ?? Date.now()) > 5_000;
      if (stale) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new OutputError(`another graphdoc run (pid ${holder}) has held ${lock} for over ${timeoutMs / 1000} s; if no run is going on, remove it`);
      pause(25);
    }
  }
  try {
    faultAt('locked');
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function statSafe(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first directory in `dir` (itself included) whose entries cannot be removed, with the error. */
function firstUnwritableDirectory(dir: string): { path: string; error: FsError } | undefined {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    if (isEnvironmentError(error)) return { path: dir, error };
    throw error;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const found = firstUnwritableDirectory(join(dir, entry.name));
    if (found) return found;
  }
  return undefined;
}

export interface WriteResult {
  /** Whether the output was replaced (false when `beforeSwap` declined). */
  readonly written: boolean;
  /** The previous output, when it could not be removed after the swap (the next run removes it). */
  readonly leftover?: { readonly path: string; readonly reason: string };
}

/**
 * Replaces the output directory with exactly `files`, atomically: the
 * previous output stays byte-identical unless every file was written.
 * `beforeSwap` runs under the output's lock just before the swap; it may
 * throw, or return false to leave the output as it is.
 */
export function writeAtomically(outDir: string, files: ReadonlyMap<string, string>, beforeSwap: () => boolean = () => true): WriteResult {
  const parent = dirname(outDir);
  const out = basename(outDir);
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK | constants.X_OK);
  } catch (error) {
    if (!isEnvironmentError(error)) throw error;
    throw environmentError(error, `cannot write beside ${outDir} in ${parent}`, `graphdoc writes the new output next to the old one and swaps them: make ${parent} writable, or choose another --out.`);
  }
  if (existsSync(outDir)) {
    const readOnly = firstUnwritableDirectory(outDir);
    if (readOnly) throw environmentError(readOnly.error, `cannot replace ${outDir}: ${readOnly.path} is not writable`, `Make it writable (chmod -R u+w ${outDir}), or choose another --out.`);
  }
  const token = randomBytes(6).toString('hex');
  const staging = join(parent, siblingName(outDir, 'staging', process.pid, token));
  const previous = join(parent, siblingName(outDir, 'previous', process.pid, token));
  let written = 0;
  let target = staging;
  try {
    mkdirSync(staging);
    for (const [path, text] of files) {
      if (path.split('/').some((part) => part === '..' || part === '') || path.startsWith('/')) throw new OutputError(`refusing to write outside the output directory: ${path}`);
      target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      faultAt(`write:${written + 1}`, target);
      writeFileSync(target, text);
      written++;
      faultAt(`file:${written}`);
    }
  } catch (error) {
    removeQuietly(staging);
    if (!isEnvironmentError(error)) throw error;
    const full = error.code === 'ENOSPC' || error.code === 'EDQUOT';
    throw environmentError(error, `cannot write the new ${out} (${relative(staging, target).split(sep).join('/') || '.'}, staged beside it in ${parent})`, `Nothing was replaced: ${outDir} is as it was. ${full ? 'Free some space' : 'Fix the permissions'} and run again.`);
  }
  try {
    const swapped = withOutputLock(outDir, () => {
      if (!beforeSwap()) return false;
      const hadOutput = existsSync(outDir);
      if (hadOutput) renameSync(outDir, previous);
      faultAt('swap');
      try {
        renameSync(staging, outDir);
      } catch (error) {
        if (hadOutput) renameSync(previous, outDir);
        throw error;
      }
      return true;
    });
    if (!swapped) return { written: false };
  } catch (error) {
    if (!isEnvironmentError(error)) throw error;
    throw environmentError(error, `cannot replace ${outDir}`, `Nothing was replaced. Check the permissions of ${outDir} and ${parent}, and run again.`);
  } finally {
    removeQuietly(staging);
  }
  try {
    rmSync(previous, { recursive: true, force: true });
    return { written: true };
  } catch (error) {
    return { written: true, leftover: { path: previous, reason: describeFsError(error) } };
  }
}

/** Removes a directory of ours, ignoring failure: what stays is a dead run's leftover that the next run removes. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for the next run's recovery.
  }
}
