/**
 * The pipeline: parse → extract → model (build, link, names) → emit, called
 * in order. Pure: pages in, files and diagnostics out; no file system.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { emitTypes, type EmittedFiles } from './emit/index.js';
import { extractPage } from './extract.js';
import { buildPage } from './model/build.js';
import type { Model, Naming, PageFacts } from './model/ir.js';
import { linkPages } from './model/link.js';
import { assignNames } from './model/names.js';
import { defaultEmitOptions, type EmitOptions } from './options.js';
import { normalizeSource, parseMarkdown } from './parse.js';

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
}

/** One page through parse, extract and build: the per-page work, independent of every other page. */
export function readPage(page: Page): { facts: PageFacts; diagnostics: Diagnostic[] } {
  const source = normalizeSource(page.text);
  const { page: raw, diagnostics: extractDiagnostics } = extractPage(page.path, source, parseMarkdown(source));
  const { facts, diagnostics: buildDiagnostics } = buildPage(raw);
  return { facts, diagnostics: [...extractDiagnostics, ...buildDiagnostics] };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function generate(pages: readonly Page[], options: Partial<EmitOptions> = {}): GenerateResult {
  const emitOptions: EmitOptions = { ...defaultEmitOptions, ...options };
  const ordered = [...pages].sort((a, b) => compareCodeUnits(a.path, b.path));
  const diagnostics: Diagnostic[] = [];
  const facts: PageFacts[] = [];
  for (const page of ordered) {
    const read = readPage(page);
    facts.push(read.facts);
    diagnostics.push(...read.diagnostics);
  }
  const linked = linkPages(facts);
  diagnostics.push(...linked.diagnostics);
  const naming = assignNames(linked.model);
  const files = emitTypes(linked.model, naming, emitOptions);
  return { files, diagnostics: sortDiagnostics(diagnostics), model: linked.model, naming };
}
