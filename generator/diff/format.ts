/**
 * How a model diff is printed: `text` for terminals (grouped by type,
 * breaking first), `markdown` for a pull-request comment (a summary line,
 * then collapsible sections), `json` (one document, version 1), and the
 * one-line summary watch mode prints after each run.
 */
import type { Change, DocEdit, ModelDiff } from './compare.js';
import { docEditReasons, type ChangeKind, type DocEditReason } from './rules.js';
import { compareCodeUnits } from '../order.js';

export type DiffFormat = 'text' | 'json' | 'markdown';

/** A change is breaking when it breaks readers or writers; unknown when it breaks neither but one is unknown. */
export type Severity = 'breaking' | 'unknown' | 'non-breaking';

export function severityOf(change: Pick<Change, 'read' | 'write'>): Severity {
  if (change.read === 'breaking' || change.write === 'breaking') return 'breaking';
  if (change.read === 'unknown' || change.write === 'unknown') return 'unknown';
  return 'non-breaking';
}

const severityOrder: readonly Severity[] = ['breaking', 'unknown', 'non-breaking'];

export interface Summary {
  readonly breaking: number;
  readonly nonBreaking: number;
  readonly unknown: number;
}

export function summarize(changes: readonly Change[]): Summary {
  const count = (severity: Severity) => changes.filter((c) => severityOf(c) === severity).length;
  return { breaking: count('breaking'), nonBreaking: count('non-breaking'), unknown: count('unknown') };
}

/** What the two sides were, as given, and how to print a source file of each (a path prefix, or `REF:path/` for a git revision). */
export interface Sides {
  readonly old: string;
  readonly new: string;
  readonly oldPrefix: string;
  readonly newPrefix: string;
}

const removals: ReadonlySet<ChangeKind> = new Set(['type-removed', 'enum-removed', 'property-removed', 'enum-member-removed']);

function sourceText(record: Change | DocEdit, sides: Sides): string {
  return `${removals.has(record.kind) ? sides.oldPrefix : sides.newPrefix}${record.source.file}:${record.source.line}`;
}

/** "property mySite: String | null → removed" and the like; plain text, used by text and markdown. */
export function describe(record: Change | DocEdit): string {
  const subject = record.property !== undefined ? `property ${record.property}` : record.member !== undefined ? `member ${record.member}` : undefined;
  const from = record.before ?? '∅';
  const to = record.after ?? '∅';
  switch (record.kind) {
    case 'type-added':
    case 'enum-added':
      return record.kind === 'type-added' ? 'type added' : 'enum added';
    case 'type-removed':
    case 'enum-removed':
      return record.kind === 'type-removed' ? 'type removed' : 'enum removed';
    case 'property-added':
      return `property ${record.property ?? ''} added: ${to}`;
    case 'property-removed':
      return `property ${record.property ?? ''} removed (was ${from})`;
    case 'enum-member-added':
      return `member ${record.member ?? ''} added`;
    case 'enum-member-removed':
      return `member ${record.member ?? ''} removed`;
    case 'property-renamed-case':
    case 'enum-member-renamed-case':
      return `${record.kind === 'property-renamed-case' ? 'property' : 'member'} ${from} renamed ${to} (case only)`;
    case 'base-type-changed':
      return `base type: ${from} → ${to}`;
    case 'type-openness-changed':
      return `${from} type → ${to} type`;
    case 'namespace-changed':
      return `namespace: ${from} → ${to}`;
    case 'property-type-changed':
    case 'property-nullability-changed':
    case 'property-readonly-changed':
      return `${subject ?? ''}: ${from} → ${to}`;
  }
}

/** Groups by declaration: declarations with a breaking change first, then unknown, then the rest; within a group, the same order. */
function groupByType(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) groups.set(change.type, [...(groups.get(change.type) ?? []), change]);
  const worst = (list: readonly Change[]) => Math.min(...list.map((c) => severityOrder.indexOf(severityOf(c))));
  const rank = (change: Change) => severityOrder.indexOf(severityOf(change));
  return [...groups]
    .map(([type, list]): [string, Change[]] => [type, [...list].sort((a, b) => rank(a) - rank(b))])
    .sort(([a, x], [b, y]) => worst(x) - worst(y) || compareCodeUnits(a, b));
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function headline(diff: ModelDiff): string {
  const s = summarize(diff.changes);
  const edits = diff.docEdits.length > 0 ? `; ${plural(diff.docEdits.length, 'doc edit')} not counted` : '';
  return `${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.unknown} unknown${edits}`;
}

function impactText(change: Change): string {
  return `read ${change.read}, write ${change.write}`;
}

export function formatText(diff: ModelDiff, sides: Sides): string {
  const lines = [`graphdoc diff ${sides.old} → ${sides.new}: ${headline(diff)}`];
  for (const ns of diff.namespaces.added) lines.push(`namespace ${ns} added`);
  for (const ns of diff.namespaces.removed) lines.push(`namespace ${ns} removed`);
  for (const [type, changes] of groupByType(diff.changes)) {
    lines.push('', type);
    for (const change of changes) {
      lines.push(`  ${severityOf(change).padEnd(12)}  ${describe(change)}  [${change.rule}: ${impactText(change)}]  ${sourceText(change, sides)}`);
    }
  }
  if (diff.docEdits.length > 0) {
    lines.push('', `Doc edits, not counted as changes (--format json lists them):`);
    for (const [reason, count] of countReasons(diff.docEdits)) lines.push(`  ${String(count).padStart(4)}  ${reason}: ${docEditReasons[reason]}`);
  }
  return `${lines.join('\n')}\n`;
}

function countReasons(edits: readonly DocEdit[]): [DocEditReason, number][] {
  const counts = new Map<DocEditReason, number>();
  for (const edit of edits) counts.set(edit.reason, (counts.get(edit.reason) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareCodeUnits(a, b));
}

/** Text from the docs inside a table cell: no HTML, no cell breaks, no code spans to escape from. */
function cell(text: string): string {
  const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
  return text.replace(/[\\`*_[\]<>&|]/g, (c) => entities[c] ?? `\\${c}`).replace(/\r?\n/g, ' ');
}

/** GitHub refuses comments longer than 65,536 characters; rows past this budget are counted, not listed. */
export const markdownBudget = 60_000;

export function formatMarkdown(diff: ModelDiff, sides: Sides, budget = markdownBudget): string {
  const s = summarize(diff.changes);
  const lines = [`**graphdoc diff**: ${s.breaking} breaking, ${s.nonBreaking} non-breaking, ${s.unknown} unknown (${cell(sides.old)} → ${cell(sides.new)})`, ''];
  if (diff.namespaces.added.length + diff.namespaces.removed.length > 0) {
    const parts = [...diff.namespaces.added.map((ns) => `${cell(ns)} added`), ...diff.namespaces.removed.map((ns) => `${cell(ns)} removed`)];
    lines.push(`Namespaces: ${parts.join(', ')}`, '');
  }
  // Sections in order of importance; each lists rows while the budget lasts, keeping room for the frames of the sections still to come.
  const frame = 400;
  let framesLeft = severityOrder.filter((severity) => diff.changes.some((c) => severityOf(c) === severity)).length + (diff.docEdits.length > 0 ? 1 : 0);
  const section = (summary: string, header: string, rows: readonly string[], open: boolean, fullList: string) => {
    let used = lines.join('\n').length;
    const listed: string[] = [];
    for (const row of rows) {
      if (used + row.length + 1 + frame * framesLeft > budget) break;
      used += row.length + 1;
      listed.push(row);
    }
    framesLeft--;
    const more = rows.length - listed.length;
    const tail = more > 0 ? ['', `${plural(more, 'more row')} not listed here: \`graphdoc diff --format ${fullList}\` lists them all.`] : [];
    lines.push(`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '', header, header.replace(/[^|]+/g, '---'), ...listed, ...tail, '', '</details>', '');
  };
  const titles: Record<Severity, string> = { breaking: 'Breaking', unknown: 'Unknown', 'non-breaking': 'Non-breaking' };
  for (const severity of severityOrder) {
    const changes = groupByType(diff.changes.filter((c) => severityOf(c) === severity)).flatMap(([, list]) => list);
    if (changes.length === 0) continue;
    const rows = changes.map((c) => `| ${cell(c.type)} | ${cell(describe(c))} | ${c.read} | ${c.write} | ${c.rule} | ${cell(sourceText(c, sides))} |`);
    section(`${titles[severity]} (${changes.length})`, '| type | change | read | write | rule | source |', rows, severity === 'breaking', 'text');
  }
  if (diff.docEdits.length > 0) {
    const rows = diff.docEdits.map((e) => `| ${cell(e.type)} | ${cell(describe(e))} | ${e.reason} | ${cell(sourceText(e, sides))} |`);
    section(`Doc edits, not counted (${diff.docEdits.length})`, '| type | difference | reason | source |', rows, false, 'json');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The `--format json` document; field order as documented. */
export function jsonDocument(diff: ModelDiff, sides: Pick<Sides, 'old' | 'new'>) {
  const fields = (r: Change | DocEdit) => ({
    kind: r.kind,
    type: r.type,
    ...(r.property !== undefined ? { property: r.property } : {}),
    ...(r.member !== undefined ? { member: r.member } : {}),
    before: r.before,
    after: r.after,
  });
  return {
    version: 1,
    old: sides.old,
    new: sides.new,
    summary: summarize(diff.changes),
    namespaces: diff.namespaces,
    changes: diff.changes.map((c) => ({ ...fields(c), read: c.read, write: c.write, rule: c.rule, source: c.source })),
    docEdits: diff.docEdits.map((e) => ({ ...fields(e), reason: e.reason, source: e.source })),
  };
}

export function formatJson(diff: ModelDiff, sides: Pick<Sides, 'old' | 'new'>): string {
  return `${JSON.stringify(jsonDocument(diff, sides), null, 2)}\n`;
}

const countWords: Partial<Record<ChangeKind, readonly [sign: string, word: string, plural: string]>> = {
  'property-added': ['+', 'property', 'properties'],
  'property-removed': ['−', 'property', 'properties'],
  'enum-member-added': ['+', 'member', 'members'],
  'enum-member-removed': ['−', 'member', 'members'],
};

/**
 * One line for watch mode: "user: +1 property, enum ageGroup: −1 member
 * (breaking for writers)". Undefined when nothing changed. At most `limit`
 * declarations are named.
 */
export function oneLine(diff: ModelDiff, limit = 6): string | undefined {
  if (diff.changes.length === 0 && diff.namespaces.added.length === 0 && diff.namespaces.removed.length === 0) return undefined;
  const parts: string[] = [];
  for (const [type, changes] of groupByType(diff.changes)) {
    const name = type.slice(type.lastIndexOf('.') + 1);
    const isEnum = changes.some((c) => c.kind.startsWith('enum'));
    const pieces: string[] = [];
    let changed = 0;
    for (const change of changes) {
      if (countWords[change.kind]) continue;
      if (change.property !== undefined || change.member !== undefined) changed++;
      else pieces.push(describe(change));
    }
    for (const [kind, [sign, word, many]] of Object.entries(countWords) as [ChangeKind, readonly [string, string, string]][]) {
      const n = changes.filter((c) => c.kind === kind).length;
      if (n > 0) pieces.push(`${sign}${plural(n, word, many)}`);
    }
    if (changed > 0) pieces.push(`${changed} changed`);
    const readers = changes.some((c) => c.read === 'breaking');
    const writers = changes.some((c) => c.write === 'breaking');
    const breaking = readers && writers ? ' (breaking)' : readers ? ' (breaking for readers)' : writers ? ' (breaking for writers)' : '';
    parts.push(`${isEnum ? 'enum ' : ''}${name}: ${pieces.join(', ')}${breaking}`);
  }
  const named = parts.slice(0, limit);
  if (parts.length > limit) named.push(`${parts.length - limit} more`);
  for (const ns of diff.namespaces.added) named.unshift(`namespace ${ns} added`);
  for (const ns of diff.namespaces.removed) named.unshift(`namespace ${ns} removed`);
  return named.join(', ');
}
