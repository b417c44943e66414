/**
 * One generator run per corpus per test run, shared by every test file that
 * needs it. The vitest global setup (global-setup.ts) provides an empty
 * directory; the first worker to ask for a corpus takes a lock (a directory
 * made with mkdir, which only one process can make), generates it (types,
 * validators and JSON Schema, plus a second run over the pages in shuffled
 * order for the determinism check) and stores the result there as JSON;
 * other workers wait for that file and read it. A worker asks for every
 * corpus up front (`corpusRuns`), taking those nobody is generating yet, so
 * two workers generate two corpora at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import type { Model, Naming } from '../../generator/model/ir.js';
import type { QuirkName } from '../../generator/model/quirks.js';
import { generate, type Page } from '../../generator/pipeline.js';
import { readPages, type Corpus } from './corpus.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where corpus runs are shared between test files (see corpus-run.ts). */
    corpusRunDir: string;
  }
}

export interface CorpusRun {
  readonly corpus: Corpus;
  readonly pages: readonly Page[];
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
  readonly naming: Naming;
  readonly quirks: Partial<Record<QuirkName, number>>;
  readonly placeholders: number;
  /** In-process time of the first run, parse to emit. */
  readonly durationMs: number;
  /** SHA-256 of each file and of the diagnostics from the second run, over the pages in shuffled order. */
  readonly shuffled: { readonly files: ReadonlyMap<string, string>; readonly diagnostics: string };
}

/** What is stored: a CorpusRun without its pages (read again from ../shared) and with maps as entry lists. */
interface StoredRun extends Omit<CorpusRun, 'corpus' | 'pages' | 'files' | 'shuffled'> {
  readonly files: readonly (readonly [string, string])[];
  readonly shuffled: { readonly files: readonly (readonly [string, string])[]; readonly diagnostics: string };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Deterministic shuffle (a fixed linear congruential sequence), so a failure reproduces. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

function generateRun(pages: readonly Page[]): StoredRun {
  const options = { validators: true, jsonSchema: true } as const;
  const started = performance.now();
  const first = generate(pages, options);
  const durationMs = performance.now() - started;
  const second = generate(shuffled(pages, 7), options);
  return {
    files: [...first.files],
    diagnostics: first.diagnostics,
    model: first.model,
    naming: first.naming,
    quirks: first.quirks,
    placeholders: first.placeholders,
    durationMs,
    shuffled: { files: [...second.files].map(([path, text]) => [path, sha256(text)] as const), diagnostics: sha256(JSON.stringify(second.diagnostics)) },
  };
}

function sharedDir(): string {
  try {
    return inject('corpusRunDir');
  } catch {
    // Outside vitest's global setup (a single file run with another config): nothing to share with.
    return mkdtempSync(join(tmpdir(), 'graphdoc-corpus-runs-'));
  }
}

const inProcess = new Map<string, Promise<CorpusRun>>();

function revive(corpus: Corpus, pages: readonly Page[], stored: StoredRun): CorpusRun {
  return { ...stored, corpus, pages, files: new Map(stored.files), shuffled: { files: new Map(stored.shuffled.files), diagnostics: stored.shuffled.diagnostics } };
}

/** Generates the corpus here when nobody has taken it yet; returns whether this process did. */
function generateIfFree(dir: string, corpus: Corpus): boolean {
  const stored = join(dir, `${corpus.name}.json`);
  try {
    mkdirSync(join(dir, `${corpus.name}.lock`));
  } catch {
    return false;
  }
  const run = generateRun(readPages(corpus.resources));
  writeFileSync(`${stored}.partial`, JSON.stringify(run));
  renameSync(`${stored}.partial`, stored);
  return true;
}

async function waitFor(path: string, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); !existsSync(path); await sleep(100)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${path}`);
  }
}

/** Every corpus's run, generating those no other worker is generating; in the order given. */
export async function corpusRuns(corpora: readonly Corpus[]): Promise<CorpusRun[]> {
  const dir = sharedDir();
  const fresh = corpora.filter((c) => !inProcess.has(c.name));
  for (const corpus of fresh) generateIfFree(dir, corpus);
  for (const corpus of fresh) {
    inProcess.set(
      corpus.name,
      (async () => {
        const stored = join(dir, `${corpus.name}.json`);
        await waitFor(stored, 15 * 60_000);
        return revive(corpus, readPages(corpus.resources), JSON.parse(readFileSync(stored, 'utf8')) as StoredRun);
      })(),
    );
  }
  return Promise.all(corpora.map((c) => inProcess.get(c.name) as Promise<CorpusRun>));
}
