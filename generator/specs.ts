/**
 * Reading the specs directory: which files are pages, and their text. Every
 * file that matches `include` and not `exclude` is read or rejected out loud:
 *
 * - the walk skips names starting with a dot, like the globs' `dot: false`;
 * - a symbolic link to a directory is followed only when it leads out of the
 *   tree and to a directory not read yet, so a link back into the tree (or to
 *   an ancestor of it) never reads pages twice or loops; a link to a file in
 *   the tree is not read twice either; skipped, broken and looping links are
 *   warnings;
 * - a page must be UTF-8 text, or UTF-16 with a byte-order mark: invalid
 *   UTF-8 (a `fatal` decoder, the first bad byte located), invalid UTF-16, a
 *   NUL byte (binary) and an empty page are warnings, and the page is skipped.
 *
 * CLI-side: the pipeline only sees the pages.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { SpecsError, type Settings } from './config.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { compareCodeUnits } from './order.js';
import { isInside } from './files.js';
import type { Page } from './pipeline.js';

export interface SpecsRead {
  readonly pages: Page[];
  /** Files that matched but were not read as pages, and links not followed. */
  readonly diagnostics: Diagnostic[];
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (the bytes a fatal TextDecoder rejects), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes needed, and the range the first of them must lie in (no overlong forms, surrogates or code points past U+10FFFF).
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead === 0xe0) [need, low] = [2, 0xa0];
    else if (lead === 0xed) [need, high] = [2, 0x9f];
    else if (lead >= 0xe1 && lead <= 0xef) need = 2;
    else if (lead === 0xf0) [need, low] = [3, 0x90];
    else if (lead >= 0xf1 && lead <= 0xf3) need = 3;
    else if (lead === 0xf4) [need, high] = [3, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictUtf16le = new TextDecoder('utf-16le', { fatal: true });
const strictUtf16be = new TextDecoder('utf-16be', { fatal: true });

/** 1-based line and column (in characters) of a byte offset, counting only the valid bytes before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: strictUtf8.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** The page's text, or why it is not a page. */
export function decodePage(path: string, bytes: Uint8Array): { text: string } | { problem: Diagnostic } {
  const at = { file: path, line: 1, column: 1 };
  if (bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) return { problem: diagnostic('empty-page', at) };
  // UTF-16 with its byte-order mark, as Windows editors save "Unicode" text: unambiguous, so read (strictly).
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? strictUtf16le : bytes[0] === 0xfe && bytes[1] === 0xff ? strictUtf16be : undefined;
  if (utf16 !== undefined) {
    let text: string;
    try {
      text = utf16.decode(bytes);
    } catch {
      return { problem: diagnostic('binary-page', at, `invalid UTF-16 (${utf16.encoding === 'utf-16le' ? 'little' : 'big'}-endian, by its byte-order mark)`) };
    }
    return text.trim() === '' ? { problem: diagnostic('empty-page', at) } : { text };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: diagnostic('binary-page', at, `a NUL byte at byte offset ${nul}`) };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const value = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { problem: diagnostic('invalid-utf8', { file: path, ...positionOfByte(bytes, offset) }, offset, value) };
  }
}

/** The specs directory with links resolved, or the path as given when it cannot be resolved. */
export function realSpecsDir(specsDir: string): string {
  try {
    return realpathSync(specsDir);
  } catch {
    return specsDir;
  }
}

/** Whether `path` is a symbolic link that leads back into the tree at `root` (or to an ancestor of it), or a link that cannot be followed. A path that is gone (a deleted page) is not. */
export function isLinkBackIntoTree(path: string, root: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  try {
    const real = realpathSync(path);
    return isInside(real, root) || isInside(root, real);
  } catch {
    return true;
  }
}

/** Every page under the specs directory that matches `include` and not `exclude`, sorted by path. */
export function readSpecs(settings: Pick<Settings, 'specs' | 'include' | 'exclude'>): SpecsRead {
  const specsDir = settings.specs;
  let root: string;
  try {
    if (!statSync(specsDir).isDirectory()) throw new SpecsError(`specs directory not found: ${specsDir} is a file`);
    root = realpathSync(specsDir);
  } catch (error) {
    if (error instanceof SpecsError) throw error;
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SpecsError(`specs directory not found: ${specsDir}`);
    throw new SpecsError(`cannot read the specs directory ${specsDir} (${code}): check its permissions`);
  }
  const included = picomatch([...settings.include], { dot: false });
  const excluded = settings.exclude.length > 0 ? picomatch([...settings.exclude], { dot: false }) : () => false;
  const wanted = (path: string) => included(path) && !excluded(path);
  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  const skip = (path: string, reason: string) => diagnostics.push(diagnostic('skipped-link', { file: path, line: 1, column: 1 }, reason));
  const unreadable = (path: string, reason: string) => diagnostics.push(diagnostic('unreadable-page', { file: path, line: 1, column: 1 }, reason));
  /** Real paths of the directories walked, so that two links to one directory do not read it twice. */
  const walked = new Set<string>([root]);

  const readPage = (path: string, file: string) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') unreadable(path, code); // ENOENT: deleted while we were listing (an editor's save in progress).
      return;
    }
    const decoded = decodePage(path, bytes);
    if ('text' in decoded) pages.push({ path, text: decoded.text });
    else diagnostics.push(decoded.problem);
  };

  const followLink = (path: string, file: string) => {
    let real: string;
    let isDirectory: boolean;
    try {
      real = realpathSync(file);
      isDirectory = statSync(real).isDirectory();
    } catch (error) {
      const code = errorCode(error);
      if (wanted(path)) skip(path, code === 'ELOOP' ? 'it is a loop of links' : code === 'ENOENT' ? 'its target does not exist' : `its target cannot be read (${code})`);
      return;
    }
    const shown = (target: string) => (isInside(target, root) ? target.slice(root.length + 1).split('\\').join('/') || '.' : target);
    if (!isDirectory) {
      if (!wanted(path)) return;
      if (isInside(real, root)) skip(path, `it points to ${shown(real)}, which is read under its own path`);
      else readPage(path, real);
      return;
    }
    if (isInside(real, root) || isInside(root, real)) return skip(path, `it leads back into the specs directory (${isInside(real, root) ? shown(real) : real})`);
    if (walked.has(real)) return skip(path, `${real} is already read through another link`);
    walk(real, `${path}/`);
  };

  const walk = (dir: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (prefix === '') throw new SpecsError(`cannot read the specs directory ${specsDir} (${errorCode(error)}): check its permissions`);
      return unreadable(prefix.slice(0, -1), `the directory cannot be listed (${errorCode(error)})`);
    }
    walked.add(dir);
    for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = `${prefix}${entry.name}`;
      const file = join(dir, entry.name);
      if (entry.isSymbolicLink()) followLink(path, file);
      else if (entry.isDirectory()) walk(file, `${path}/`);
      else if (entry.isFile() && wanted(path)) readPage(path, file);
    }
  };
  walk(root, '');
  pages.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { pages, diagnostics };
}
