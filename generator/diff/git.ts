/**
 * `git:REF`: the pages of the specs folder at a git revision, read straight
 * from the object database (`git ls-tree`, then one `git cat-file --batch`
 * for every blob), so it works in a fresh clone, with a dirty work tree, and
 * without checking anything out. Usage errors (not a repository, a revision
 * that does not exist, a specs folder outside the repository or absent at
 * that revision) are `UsageError`s: exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { posix, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../config.js';
import { compareCodeUnits } from '../order.js';
import type { Page } from '../pipeline.js';

export const gitPrefix = 'git:';

/** Runs git in `cwd`; returns stdout, or throws UsageError with git's message. */
function git(cwd: string, args: readonly string[], input?: Buffer): Buffer {
  // Paths are literal (a specs folder named `docs[1]` is not a pattern); git never prompts.
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 2 ** 31 - 1, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' } });
  if (result.error) throw new UsageError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new UsageError(`git ${args[0] ?? ''} failed: ${result.stderr.toString('utf8').trim() || `exit code ${result.status}`}`);
  return result.stdout;
}

export interface GitSpecsRequest {
  /** The revision, as written after `git:`. */
  readonly ref: string;
  /** Absolute path of the specs folder in the work tree (it need not exist there). */
  readonly specs: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** A directory inside the repository (the working directory). */
  readonly cwd: string;
}

export interface GitSpecs {
  readonly pages: Page[];
  /** The commit the revision names. */
  readonly commit: string;
  /** The specs folder's path in the repository, with forward slashes ('' for the top level). */
  readonly path: string;
}

/** Every page of the specs folder at the revision that matches `include` and not `exclude`, sorted by path. */
export function readGitSpecs(request: GitSpecsRequest): GitSpecs {
  const { ref, cwd } = request;
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`not a git revision: "${ref}"`);
  const check = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd });
  if (check.error || check.status !== 0) throw new UsageError(`${gitPrefix}${ref}: ${cwd} is not inside a git work tree`);
  const resolved = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  if (resolved.status !== 0) throw new UsageError(`${gitPrefix}${ref}: no such git revision`);
  const commit = resolved.stdout.toString('utf8').trim();

  // The specs folder relative to the top of the repository: the working directory's place in it, then the folder's place from there.
  const cwdInRepo = git(cwd, ['rev-parse', '--show-prefix']).toString('utf8').trim();
  const path = posix.normalize(posix.join(cwdInRepo, relative(cwd, request.specs).split(sep).join('/'))).replace(/\/$/, '');
  if (path === '..' || path.startsWith('../')) throw new UsageError(`${gitPrefix}${ref}: the specs folder ${request.specs} is outside the git repository`);
  const inRepo = path === '.' ? '' : path;
  const kind = spawnSync('git', ['cat-file', '-t', `${commit}:${inRepo}`], { cwd });
  if (kind.status !== 0 || kind.stdout.toString('utf8').trim() !== 'tree') throw new UsageError(`${gitPrefix}${ref}: no folder "${inRepo || '.'}" at that revision`);

  const included = picomatch([...request.include], { dot: false });
  const excluded = request.exclude.length > 0 ? picomatch([...request.exclude], { dot: false }) : () => false;
  const blobs: { path: string; sha: string }[] = [];
  const listing = git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', inRepo === '' ? '.' : inRepo]).toString('utf8');
  for (const entry of listing.split('\0')) {
    // "<mode> <type> <sha>\t<path>"; symbolic links (120000) and submodules are not pages.
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match || match[2] !== 'blob' || match[1] === '120000') continue;
    const full = match[4] ?? '';
    const page = inRepo === '' ? full : full.slice(inRepo.length + 1);
    if (included(page) && !excluded(page)) blobs.push({ path: page, sha: match[3] ?? '' });
  }
  blobs.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { pages: readBlobs(cwd, blobs), commit, path: inRepo };
}

/** One `git cat-file --batch` for all blobs: "<sha> blob <size>\n<content>\n" each. */
function readBlobs(cwd: string, blobs: readonly { path: string; sha: string }[]): Page[] {
  if (blobs.length === 0) return [];
  const output = git(cwd, ['cat-file', '--batch'], Buffer.from(blobs.map((b) => `${b.sha}\n`).join('')));
  const pages: Page[] = [];
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (headerEnd < 0 || !Number.isSafeInteger(size)) throw new Error(`git cat-file: unexpected output "${header}" for ${blob.path}`);
    pages.push({ path: blob.path, text: output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8') });
    offset = headerEnd + 1 + size + 1;
  }
  return pages;
}
