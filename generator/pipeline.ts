/**
 * The pipeline: parse → extract → model (build, link, names) → emit, called
 * in order. Pure: pages in, files and diagnostics out; no file system. The
 * model half (pages → Model) is in model-pipeline.ts, which does not load
 * the emitters (ts-morph), for commands that need only the model.
 */
import type { Diagnostic } from './diagnostics.js';
import { emitTypes, type EmittedFiles } from './emit/index.js';
import type { Model, Naming, PageFacts } from './model/ir.js';
import type { QuirkName } from './model/quirks.js';
import { assignNames } from './model/names.js';
import { buildModel } from './model-pipeline.js';
import { defaultEmitOptions, type EmitOptions } from './options.js';

export { buildModel, readPage, readPages, type ModelResult } from './model-pipeline.js';

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

/**
 * Emitted files kept from an earlier run (the CLI: the output directory, as
 * its manifest lists it): `emitted(model, options, emit)` returns the files
 * emitted before for this very model and options when it still has them
 * unchanged, else calls `emit()` and records what it returns.
 */
export type EmittedStore = (model: Model, options: EmitOptions, emit: () => EmittedFiles) => EmittedFiles;

/** Things the caller may inject; none of them changes what is generated. */
export interface GenerateContext {
  readonly cache?: PageCache;
  readonly emitted?: EmittedStore;
  /** Called after each page is read (from the cache or parsed): pages done so far, of total. */
  readonly onPage?: (done: number, total: number) => void;
}

export function generate(pages: readonly Page[], options: Partial<EmitOptions> = {}, context: GenerateContext = {}): GenerateResult {
  const emitOptions: EmitOptions = { ...defaultEmitOptions, ...options };
  const { model, diagnostics, quirks, placeholders } = buildModel(pages, context);
  const naming = assignNames(model);
  const emit = () => emitTypes(model, naming, emitOptions);
  const files = context.emitted ? context.emitted(model, emitOptions, emit) : emit();
  return { files, diagnostics, model, naming, quirks, placeholders };
}
