/**
 * The pipeline: parse → extract → model (build, link, names) → emit, called
 * in order. Pure: pages in, files and diagnostics out; no file system.
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { emitTypes, type EmittedFiles } from './emit/index.js';
import { extractPage } from './extract.js';
import { buildPage, defaultNamespace } from './model/build.js';
import type { Model, Naming, PageFacts } from './model/ir.js';
import { linkPages } from './model/link.js';
import { countFirings, type QuirkName } from './model/quirks.js';
import { assignNames } from './model/names.js';
import { defaultEmitOptions, type EmitOptions } from './options.js';
import { normalizeSource, parseMarkdown } from './parse.js';
import { compareCodeUnits } from './order.js';

export interface Page {
  /** Path relative to the specs directory, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface GenerateResult {
  readonly files: EmittedFiles;
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
  readonly naming: Naming;
  /** On how many pages each doc-quirk rule fired (see model/quirks.ts). */
  readonly quirks: Partial<Record<QuirkName, number>>;
  /** Descriptions left out because they were only a placeholder ("TODO: Add Description"). */
  readonly placeholders: number;
}

/** What the per-page work yields: plain JSON-serialisable data. */
export interface PageRead {
  readonly facts: PageFacts;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A store for per-page results, injected by the caller (the CLI keeps one on
 * disk, keyed by a hash of the page and the generator). `get` returns a fresh
 * copy or undefined; the pipeline never trusts it to be more than a
 * replacement for `readPage(page)`.
 */
export interface PageCache {
  get(page: Page): PageRead | undefined;
  set(page: Page, read: PageRead): void;
}

/** Things the caller may inject; none of them changes what is generated. */
export interface GenerateContext {
  readonly cache?: PageCache;
  /** Called after each page is read (from the cache or parsed): pages done so far, of total. */
  readonly onPage?: (done: number, total: number) => void;
}

/**
 * One page through parse, extract and build: the per-page work, independent
 * of every other page. A page the stages fail on (a bug: they are written not
 * to throw) is skipped with a warning that says so, so that one page never
 * stops the rest.
 */
export function readPage(page: Page): { facts: PageFacts; diagnostics: Diagnostic[] } {
  try {
    const source = normalizeSource(page.text);
    const { page: raw, diagnostics: extractDiagnostics } = extractPage(page.path, source, parseMarkdown(source));
    const { facts, diagnostics: buildDiagnostics } = buildPage(raw);
    return { facts, diagnostics: [...extractDiagnostics, ...buildDiagnostics] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      facts: { file: page.path, namespace: defaultNamespace, objects: [], enums: [], proseEnums: [], quirks: [], placeholders: 0 },
      diagnostics: [diagnostic('page-failed', { file: page.path, line: 1, column: 1 }, reason)],
    };
  }
}


export function generate(pages: readonly Page[], options: Partial<EmitOptions> = {}, context: GenerateContext = {}): GenerateResult {
  const emitOptions: EmitOptions = { ...defaultEmitOptions, ...options };
  const ordered = [...pages].sort((a, b) => compareCodeUnits(a.path, b.path));
  const diagnostics: Diagnostic[] = [];
  const facts: PageFacts[] = [];
  const { cache, onPage } = context;
  for (const [index, page] of ordered.entries()) {
    let read = cache?.get(page);
    if (read === undefined) {
      read = readPage(page);
      cache?.set(page, read);
    }
    facts.push(read.facts);
    diagnostics.push(...read.diagnostics);
    onPage?.(index + 1, ordered.length);
  }
  const linked = linkPages(facts);
  diagnostics.push(...linked.diagnostics);
  const naming = assignNames(linked.model);
  const files = emitTypes(linked.model, naming, emitOptions);
  const pageFirings = facts.flatMap((page) => page.quirks.map((rule) => ({ rule, file: page.file })));
  const quirks = countFirings([...pageFirings, ...linked.firings]);
  const placeholders = facts.reduce((sum, page) => sum + page.placeholders, 0);
  return { files, diagnostics: sortDiagnostics(diagnostics), model: linked.model, naming, quirks, placeholders };
}
