/**
 * The model half of the pipeline: each page through parse, extract and build
 * (through the cache when one is given), then every page linked into one
 * Model. What `generate` emits from and what `graphdoc diff` compares. Kept
 * apart from pipeline.ts so that a command that needs only the model does
 * not load the emitters (ts-morph and TypeScript, which take about a second,
 * are loaded only when the first declaration is printed).
 */
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { extractPage } from './extract.js';
import { buildPage, defaultNamespace } from './model/build.js';
import type { Model, PageFacts } from './model/ir.js';
import { linkPages } from './model/link.js';
import { countFirings, type QuirkName } from './model/quirks.js';
import { compareCodeUnits } from './order.js';
import { normalizeSource, parseMarkdown, SharedPieces } from './parse.js';
import type { GenerateContext, Page, PageRead } from './pipeline.js';

/**
 * One page through parse, extract and build: the per-page work, independent
 * of every other page. A page the stages fail on (a bug: they are written not
 * to throw) is skipped with a warning that says so, so that one page never
 * stops the rest. `shared`: the sections of the batch the page is read in
 * (see `readPages`).
 */
export function readPage(page: Page, shared?: SharedPieces): { facts: PageFacts; diagnostics: Diagnostic[] } {
  try {
    const source = normalizeSource(page.text);
    const { page: raw, diagnostics: extractDiagnostics } = extractPage(page.path, source, shared ? shared.parsePage(source) : parseMarkdown(source));
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

/**
 * `readPage` for each page of a batch, in order. Text that several of the
 * pages hold word for word is parsed once (parse.ts `SharedPieces`): two
 * versions of a doc set share most of theirs. Pages are read in path order,
 * so that the versions of a page, which usually share a path, are read one
 * after the other and what they share is not held for long. What each page
 * yields is what `readPage` alone gives.
 */
export function readPages(pages: readonly Page[]): PageRead[] {
  const shared = new SharedPieces(pages.map((page) => page.text));
  const reads: PageRead[] = new Array(pages.length);
  const order = pages.map((_, index) => index).sort((a, b) => compareCodeUnits(pages[a]?.path ?? '', pages[b]?.path ?? '') || a - b);
  for (const index of order) reads[index] = readPage(pages[index] as Page, shared);
  return reads;
}

export interface ModelResult {
  readonly model: Model;
  /** Sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** On how many pages each doc-quirk rule fired (see model/quirks.ts). */
  readonly quirks: Partial<Record<QuirkName, number>>;
  /** Descriptions left out because they were only a placeholder ("TODO: Add Description"). */
  readonly placeholders: number;
}

/** Every page read (from the cache when it has the page), then linked. */
export function buildModel(pages: readonly Page[], context: GenerateContext = {}): ModelResult {
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
  const pageFirings = facts.flatMap((page) => page.quirks.map((rule) => ({ rule, file: page.file })));
  const quirks = countFirings([...pageFirings, ...linked.firings]);
  const placeholders = facts.reduce((sum, page) => sum + page.placeholders, 0);
  return { model: linked.model, diagnostics: sortDiagnostics(diagnostics), quirks, placeholders };
}
