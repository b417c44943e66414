/**
 * The incremental cache: per-page results (`readPage`: parse, extract,
 * build) kept on disk between runs, keyed by a content hash of the page path,
 * the page text, the generator's own code and the cache format. Linking and
 * emitting always run over every page, so a cached run is byte-identical to a
 * cold one as long as a cached entry equals what `readPage` would return.
 *
 * Nothing in the file is trusted blindly: a header names the format and the
 * generator fingerprint, a SHA-256 covers the entries, and each entry is
 * checked for shape when it is used. Anything that does not match is dropped
 * and the pages are parsed again; the file is rewritten at the end of the run.
 * The file is replaced atomically (write beside, then rename), so a run killed
 * while saving leaves the previous cache or none, never half of one.
 *
 * CLI-side: the pipeline only sees the `PageCache` interface.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, PageCache, PageRead } from './pipeline.js';

/** Bumped whenever the file layout or the meaning of an entry changes. */
export const cacheFormatVersion = 1;
const formatName = 'graphdoc-page-cache';

export interface CacheStats {
  /** Entries found in the file when it was loaded. */
  readonly loaded: number;
  readonly hits: number;
  readonly misses: number;
  /** Why the file on disk was not used, when it was not (absent is not a reason). */
  readonly rejected?: string;
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** UTF-16 code units encoded at a time: one big page's entry is megabytes, and its bytes need not exist all at once. */
const pieceLength = 1 << 18;

/**
 * The UTF-8 bytes of `text`, a piece at a time, each encoded into the same
 * `scratch` buffer (at least 3 bytes per code unit of a piece, plus one
 * pair's), so valid only until the next; together, the bytes of the whole.
 */
function* utf8Pieces(text: string, scratch: Buffer): Generator<Buffer> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + pieceLength);
    // Never between the two halves of a surrogate pair: each piece must encode on its own.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
    yield scratch.subarray(0, scratch.write(text.slice(from, to), 'utf8'));
    from = to;
  }
}

/** Writes all of `text` to a file descriptor (a write may take less than it was given). */
function writeAll(fd: number, text: string, scratch: Buffer): void {
  for (const bytes of utf8Pieces(text, scratch)) {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  }
}

let fingerprint: string | undefined;

/**
 * The generator's identity for cache keys: a hash of every module beside this
 * one (dist/*.js when installed, generator/*.ts under tsx) and of the package
 * version. Any change to the generator's code invalidates every entry.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(`${relative(here, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(here);
  try {
    const manifest = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')) as { version?: string };
    hash.update(`version ${manifest.version ?? ''}`);
  } catch {
    // No package.json beside the code: the code hash alone identifies it.
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

interface Header {
  readonly format: string;
  readonly version: number;
  readonly generator: string;
  readonly entries: number;
  readonly sha256: string;
}

function isPageRead(value: unknown): value is PageRead {
  if (typeof value !== 'object' || value === null) return false;
  const { facts, diagnostics } = value as Record<string, unknown>;
  return typeof facts === 'object' && facts !== null && Array.isArray(diagnostics);
}

/**
 * A page cache kept in memory as JSON text (so every `get` returns a fresh
 * copy that later stages cannot share or mutate) and optionally backed by a
 * file. One file per specs directory, under the cache directory.
 */
export class FilePageCache implements PageCache {
  private readonly entries = new Map<string, string>();
  /** Keys used since the last save: what the next save keeps. */
  private used = new Set<string>();
  private dirty = false;
  private hits = 0;
  private misses = 0;
  private loaded = 0;
  private rejected: string | undefined;
  private readonly salt: string;
  /** The key of each page asked about, worked out once: a run asks `has`, `get` and `set` of the same page. */
  private readonly keys = new WeakMap<Page, string>();

  /** `file` undefined: memory only (watch mode keeps one of these across runs when --no-cache). */
  constructor(
    readonly file: string | undefined,
    salt = generatorFingerprint(),
  ) {
    this.salt = `${formatName} ${cacheFormatVersion} ${salt}`;
    if (file !== undefined) this.load(file);
  }

  /** The cache file for a specs directory: one per directory, so two projects sharing a cache directory do not evict each other. */
  static fileFor(cacheDir: string, specsDir: string): string {
    return join(cacheDir, `pages-${sha256(specsDir).slice(0, 16)}.cache`);
  }

  key(page: Page): string {
    let key = this.keys.get(page);
    if (key === undefined) {
      key = sha256(`${this.salt}\0${page.path}\0${page.text}`);
      this.keys.set(page, key);
    }
    return key;
  }

  /** Whether an entry for the page is there (without reading it or counting a hit). */
  has(page: Page): boolean {
    return this.entries.has(this.key(page));
  }

  get(page: Page): PageRead | undefined {
    const key = this.key(page);
    const text = this.entries.get(key);
    if (text !== undefined) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (isPageRead(value)) {
        this.hits++;
        this.used.add(key);
        return value;
      }
      this.entries.delete(key);
      this.rejected ??= 'an entry was not a page result';
    }
    this.misses++;
    return undefined;
  }

  set(page: Page, read: PageRead): void {
    const key = this.key(page);
    this.entries.set(key, JSON.stringify(read));
    this.used.add(key);
    this.dirty = true;
  }

  /** A value kept beside the pages under `name` (what a run emitted), kept while runs read it; undefined when there is none. */
  note(name: string): string | undefined {
    const key = this.noteKey(name);
    const text = this.entries.get(key);
    if (text === undefined) return undefined;
    this.used.add(key);
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  setNote(name: string, value: string): void {
    const key = this.noteKey(name);
    const text = JSON.stringify(value);
    if (this.entries.get(key) !== text) {
      this.entries.set(key, text);
      this.dirty = true;
    }
    this.used.add(key);
  }

  private noteKey(name: string): string {
    return sha256(`${this.salt}\0note\0${name}`);
  }

  stats(): CacheStats {
    return { loaded: this.loaded, hits: this.hits, misses: this.misses, ...(this.rejected === undefined ? {} : { rejected: this.rejected }) };
  }

  /** Starts counting a new run (watch mode): hits, misses and the set of used entries. */
  beginRun(): void {
    this.hits = 0;
    this.misses = 0;
    this.used = new Set();
    this.rejected = undefined;
  }

  /**
   * Keeps only the entries the run used and, when anything changed, rewrites
   * the file atomically. Returns an error message when the file could not be
   * written (the run itself is not affected).
   */
  save(): string | undefined {
    let pruned = false;
    for (const key of this.entries.keys()) {
      if (!this.used.has(key)) {
        this.entries.delete(key);
        pruned = true;
      }
    }
    if (this.file === undefined || (!this.dirty && !pruned)) return undefined;
    const keys = [...this.entries.keys()].sort();
    // The body is the entries, one a line; hashed and written entry by entry, never as one string (one big page's entry is
    // megabytes), and an entry apart from its key, so that it is not copied into a line first.
    const prefix = (index: number) => `${index === 0 ? '' : '\n'}${keys[index]}\t`;
    const entry = (index: number) => this.entries.get(keys[index] ?? '') ?? '';
    const scratch = Buffer.allocUnsafe(3 * (pieceLength + 1));
    const hash = createHash('sha256');
    for (let index = 0; index < keys.length; index++) {
      hash.update(prefix(index), 'utf8');
      for (const bytes of utf8Pieces(entry(index), scratch)) hash.update(bytes);
    }
    const header: Header = { format: formatName, version: cacheFormatVersion, generator: this.salt, entries: keys.length, sha256: hash.digest('hex') };
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const fd = openSync(temporary, 'w');
      try {
        writeAll(fd, `${JSON.stringify(header)}\n`, scratch);
        for (let index = 0; index < keys.length; index++) {
          writeAll(fd, prefix(index), scratch);
          writeAll(fd, entry(index), scratch);
        }
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, this.file);
      this.dirty = false;
      return undefined;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The directory itself is unusable: nothing was written.
      }
      return `cache not saved: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private load(file: string): void {
    let text: string;
    try {
      if (!statSync(file).isFile()) return this.reject('not a file');
      text = readFileSync(file, 'utf8');
    } catch {
      return; // No cache yet: a cold run.
    }
    const newline = text.indexOf('\n');
    const headerText = newline < 0 ? text : text.slice(0, newline);
    const body = newline < 0 ? '' : text.slice(newline + 1);
    let header: Partial<Header>;
    try {
      header = JSON.parse(headerText) as Partial<Header>;
    } catch {
      return this.reject('unreadable header');
    }
    if (header.format !== formatName || header.version !== cacheFormatVersion) return this.reject('other cache format');
    if (header.generator !== this.salt) return this.reject('written by another generator version');
    if (header.sha256 !== sha256(body)) return this.reject('checksum mismatch (corrupted)');
    const lines = body === '' ? [] : body.split('\n');
    if (lines.length !== header.entries) return this.reject('entry count mismatch (corrupted)');
    for (const line of lines) {
      const tab = line.indexOf('\t');
      if (tab !== 64) return this.reject('malformed entry (corrupted)');
      this.entries.set(line.slice(0, tab), line.slice(tab + 1));
    }
    this.loaded = this.entries.size;
  }

  private reject(reason: string): void {
    this.entries.clear();
    this.rejected = reason;
    this.dirty = true; // Rewrite it, so the next run does not reject it again.
  }
}
