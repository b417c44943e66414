/**
 * The model half of the pipeline: each page through parse, extract and build
 * (through the cache when one is given), then every page linked into one
 * Model. What `generate` emits from and what `graphdoc diff` compares. Kept
 * apart from pipeline.ts so that a command that needs only the model does
 * not load the emitters (ts-morph and TypeScript take about a second).
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { extractPage } from './extract.js';
import { buildPage } from './model/build.js';
import type { Model, PageFacts } from './model/ir.js';
import { linkPages } from './model/link.js';
import { compareCodeUnits } from './order.js';
import { normalizeSource, parseMarkdown } from './parse.js';
import type { GenerateContext, Page } from './pipeline.js';

/** One page through parse, extract and build: the per-page work, independent of every other page. */
export function readPage(page: Page): { facts: PageFacts; diagnostics: Diagnostic[] } {
  const source = normalizeSource(page.text);
  const { page: raw, diagnostics: extractDiagnostics } = extractPage(page.path, source, parseMarkdown(source));
  const { facts, diagnostics: buildDiagnostics } = buildPage(raw);
  return { facts, diagnostics: [...extractDiagnostics, ...buildDiagnostics] };
}

export interface ModelResult {
  readonly model: Model;
  /** Sorted. */
  readonly diagnostics: readonly Diagnostic[];
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
  return { model: linked.model, diagnostics: sortDiagnostics(diagnostics) };
}
