/**
 * Diagnostics: the one shape every stage reports problems in, the closed
 * catalogue of codes, and the formatter. A leaf module: imports nothing.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A position in a source file; line and column are 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where something was written: a file (relative to the specs directory) and a position in it. */
export interface Origin extends Position {
  readonly file: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly expected?: string;
  readonly actual?: string;
  readonly note?: string;
}

/**
 * The catalogue. Severity policy:
 * - error: reserved for problems that make the output as a whole wrong. No
 *   problem in the docs is one: a page or a declaration that cannot be
 *   understood is skipped with a warning, and the rest is generated (a doc
 *   set is written by people; one odd page must not stop 2,000 good ones).
 * - warning: something the docs say was skipped, or generated with a
 *   fallback the reader should know about;
 * - info: a fact about the docs that is not a defect.
 */
const catalogue = {
  'no-type-defined': { severity: 'info', message: () => 'Page defines no type (no resource annotation, properties table or enum); skipped' },
  'unreadable-page': { severity: 'warning', message: (reason: string) => `Page could not be read: ${reason}` },
  'page-failed': { severity: 'warning', message: (reason: string) => `Page skipped: graphdoc failed while reading it (${reason}). This is a bug in graphdoc; please report it with the page` },
  'invalid-utf8': { severity: 'warning', message: (offset: number, value: string) => `Page is not valid UTF-8 (byte 0x${value} at byte offset ${offset}); skipped: save it as UTF-8` },
  'binary-page': { severity: 'warning', message: (reason: string) => `Page is not text (${reason}); skipped` },
  'empty-page': { severity: 'warning', message: () => 'Page is empty; skipped' },
  'skipped-link': { severity: 'warning', message: (reason: string) => `Symbolic link not followed: ${reason}` },
  'page-shrank': { severity: 'warning', message: (what: string) => `${what} since the previous run (watch mode); if the page was saved half-way through an edit, the next save restores it` },
  'malformed-front-matter': { severity: 'warning', message: (reason: string) => `Front matter is not valid YAML: ${reason}` },
  'malformed-annotation': { severity: 'warning', message: (reason: string) => `Annotation comment is not valid JSON: ${reason}` },
  'malformed-json-block': { severity: 'warning', message: (reason: string) => `JSON representation is not valid JSON: ${reason}` },
  'missing-type-name': { severity: 'warning', message: () => 'Page has a properties table but no type name (no @odata.type annotation and no "x resource type" title); the page is skipped' },
  'invalid-namespace': { severity: 'warning', message: (written: string, used: string) => `"Namespace: ${written}" is not a dotted path of identifiers; the page's types go in ${used}` },
  'invalid-type-name': { severity: 'warning', message: (written: string) => `"${written}" is not a qualified type name (a dotted path of identifiers); the page title names the type instead` },
  'duplicate-type': { severity: 'warning', message: (name: string, other: string) => `Type "${name}" is also defined in ${other} as another kind of type (an enum and an object); this definition is dropped` },
  'type-merged': { severity: 'info', message: (name: string, first: string) => `Type "${name}" is also declared in ${first}; the properties of both pages are merged` },
  'duplicate-property': {
    severity: 'warning',
    message: (name: string, line: number, file?: string) =>
      `Property "${name}" is listed twice (first at ${file === undefined ? `line ${line}` : `${file}:${line}, with another type`}); the first row is kept`,
  },
  'unknown-type': { severity: 'warning', message: (written: string) => `Unknown type "${written}"; typed as unknown` },
  'alternative-types': { severity: 'warning', message: (names: string) => `Type cell offers alternatives (${names}) with no common base type; typed as the first` },
  'link-text-conflict': { severity: 'warning', message: (detail: string) => `Link text names type "${detail}"; the link text wins` },
  'link-text-mismatch': { severity: 'warning', message: (detail: string) => `Link text names type "${detail}"; no page declares the first, so the linked page's type is used` },
  'unresolved-link': { severity: 'warning', message: (target: string) => `Link target "${target}" defines no known type; typed as unknown` },
  'missing-type-cell': { severity: 'warning', message: (name: string) => `Property "${name}" has no type; typed as unknown` },
  'invalid-property-name': { severity: 'warning', message: (written: string) => `"${written}" is not a property name; row skipped` },
  'unknown-base-type': { severity: 'warning', message: (name: string) => `Base type "${name}" is not defined by any page; the base is dropped` },
  'base-type-conflict': {
    severity: 'warning',
    message: (first: string, firstSource: string, other: string, otherSource: string, winner: string, moreSpecific: boolean) =>
      `The base type is stated two ways: ${firstSource} says "${first}", ${otherSource} says "${other}"; using "${winner}", ${moreSpecific ? 'the more specific' : `as ${winner === first ? firstSource : otherSource} says`}`,
  },
  'inheritance-cycle': { severity: 'warning', message: (cycle: string) => `Inheritance cycle: ${cycle}; the base type is dropped` },
  'json-property-not-in-table': { severity: 'warning', message: (name: string) => `Property "${name}" is in the JSON representation but in no table; added with a type read from the JSON` },
  'table-property-not-in-json': { severity: 'info', message: (name: string) => `Property "${name}" is in a table but not in the JSON representation` },
  'json-type-mismatch': { severity: 'warning', message: (name: string, table: string, json: string) => `Property "${name}" is ${table} in the table but ${json} in the JSON representation; the table wins` },
  'enum-without-members': { severity: 'warning', message: (name: string) => `Enum "${name}" lists no members; typed as string` },
  'duplicate-enum-member': { severity: 'warning', message: (name: string, member: string) => `Enum "${name}" lists member "${member}" twice; the first is kept` },
  'placeholder-description': { severity: 'info', message: (count: number) => `${count === 1 ? '1 description is' : `${count} descriptions are`} only a placeholder ("TODO: Add Description", "TBD", "Not yet documented"); left out of the documentation` },
  'namespace-case-conflict': { severity: 'warning', message: (written: string, kept: string) => `Namespace "${written}" differs from "${kept}" only in case; merged into "${kept}"` },
  'namespace-mismatch': { severity: 'warning', message: (annotated: string, page: string) => `Annotation names namespace "${annotated}" but the page says "Namespace: ${page}"; the annotation wins` },
} as const satisfies Record<string, { severity: Severity; message: (...args: never[]) => string }>;

export type DiagnosticCode = keyof typeof catalogue;
type MessageArgs<C extends DiagnosticCode> = Parameters<(typeof catalogue)[C]['message']>;

export function severityOf(code: DiagnosticCode): Severity {
  return catalogue[code].severity;
}

/** Builds a diagnostic from the catalogue: the only way stages create one. */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  at: Origin & { readonly endLine?: number; readonly endColumn?: number },
  ...args: MessageArgs<C>
): Diagnostic {
  const message = (catalogue[code].message as (...a: MessageArgs<C>) => string)(...args);
  const result: Diagnostic = { code, severity: catalogue[code].severity, message, file: at.file, line: at.line, column: at.column };
  if (at.endLine !== undefined && at.endColumn !== undefined) {
    return { ...result, endLine: at.endLine, endColumn: at.endColumn };
  }
  return result;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders diagnostics by file, line, column, severity, code, message: code-unit order, not locale. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** `specs/x.md:42:3  error  Unknown type "Strng"  unknown-type`; `prefix` is joined to the file path. */
export function formatDiagnostic(d: Diagnostic, prefix = ''): string {
  return `${prefix}${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
