/** The programmatic API: `generate(pages)` returns files and diagnostics without touching the disk. */
export { generate, readPage, type GenerateContext, type GenerateResult, type Page, type PageCache, type PageRead } from './pipeline.js';
export { formatDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.js';
export type * from './model/ir.js';
export { defaultEmitOptions, type EmitOptions } from './options.js';
