/** The programmatic API: `generate(pages)` returns files and diagnostics without touching the disk. */
export { buildModel, generate, readPage, type GenerateContext, type GenerateResult, type ModelResult, type Page, type PageCache, type PageRead } from './pipeline.js';
export { formatDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.js';
export type * from './model/ir.js';
export { defaultEmitOptions, type EmitOptions } from './options.js';
export { compareModels, type Change, type DocEdit, type ModelDiff } from './diff/compare.js';
export { rules, docEditReasons, type ChangeKind, type DocEditReason, type Impact, type RuleName } from './diff/rules.js';
