/**
 * `graphdoc diff` on the real docs: the Graph v1.0 reference of May 2020
 * against July 2021 (../shared; skipped with a message when absent). Prints
 * the counts per kind, rule and doc-edit reason; checks every reported
 * change against a second, line-based reading of the pages (the source line
 * names what changed; an added property is in no row of the old pages of
 * its type, a removed one in no row of the new); and pins changes that were
 * checked by hand against both pages, and doc edits that must stay out of
 * the changes. The pages are read as `graphdoc diff` reads them, as one
 * batch in which what the two versions share is parsed once; the models
 * must be those `graphdoc generate` builds from each version alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type Change, type ModelDiff } from '../../generator/diff/compare.js';
import { summarize } from '../../generator/diff/format.js';
import type { Model } from '../../generator/model/ir.js';
import { buildModel, readPages as readPageBatch, type Page, type PageRead } from '../../generator/pipeline.js';
import { corpusRuns } from '../corpus/corpus-run.js';
import { corpusAvailable, corpusMissingMessage, discoverCorpora, olderResourcesDir, readPages, resourcesDir, scanPage, type ScannedPage } from '../corpus/corpus.js';

if (!corpusAvailable) console.warn(corpusMissingMessage);

function countBy<T>(items: readonly T[], key: (item: T) => string): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`);
}

/** Property names in the tables of the pages that annotate the type (a type may be split over pages). */
function rowsOf(scanned: readonly ScannedPage[], type: string): Set<string> | undefined {
  const pages = scanned.filter((p) => p.resourceType?.toLowerCase() === type.toLowerCase());
  return pages.length === 0 ? undefined : new Set(pages.flatMap((p) => p.rows.map((r) => r.name)));
}

describe.skipIf(!corpusAvailable)('graphdoc diff on Graph v1.0, May 2020 → July 2021', () => {
  let diff: ModelDiff;
  let oldScan: ScannedPage[];
  let newScan: ScannedPage[];
  let oldModel: Model;
  let newModel: Model;

  beforeAll(() => {
    const oldPages = readPages(olderResourcesDir);
    const newPages = readPages(resourcesDir);
    const batch = [...oldPages, ...newPages];
    const reads = new Map<Page, PageRead>(readPageBatch(batch).map((read, index) => [batch[index] as Page, read]));
    const cache = { get: (page: Page) => reads.get(page), set: () => undefined };
    oldModel = buildModel(oldPages, { cache }).model;
    newModel = buildModel(newPages, { cache }).model;
    diff = compareModels(oldModel, newModel);
    oldScan = oldPages.map(scanPage);
    newScan = newPages.map(scanPage);
    const summary = summarize(diff.changes);
    console.log(
      [
        `graphdoc diff: ${oldPages.length} → ${newPages.length} pages: ${diff.changes.length} changes (${summary.breaking} breaking, ${summary.nonBreaking} non-breaking, ${summary.unknown} unknown), ${diff.docEdits.length} doc edits not counted`,
        `namespaces added: ${diff.namespaces.added.join(', ') || 'none'}; removed: ${diff.namespaces.removed.join(', ') || 'none'}`,
        'changes by kind:',
        ...countBy(diff.changes, (c) => c.kind),
        'changes by rule:',
        ...countBy(diff.changes, (c) => `${c.rule} (read ${c.read}, write ${c.write})`),
        'doc edits by reason (kind):',
        ...countBy(diff.docEdits, (e) => `${e.reason} (${e.kind})`),
      ].join('\n'),
    );
  }, 600_000);

  it('reads the two versions as one batch into the models each version alone gives (those the corpus runs generate from)', async () => {
    const byResources = new Map(discoverCorpora().map((corpus) => [corpus.resources, corpus]));
    const corpora = [byResources.get(olderResourcesDir), byResources.get(resourcesDir)];
    if (corpora.some((corpus) => corpus === undefined)) throw new Error('both v1.0 corpora are expected under ../shared/corpus');
    const [oldRun, newRun] = await corpusRuns(corpora as NonNullable<(typeof corpora)[number]>[]);
    expect(oldModel).toEqual(oldRun?.model);
    expect(newModel).toEqual(newRun?.model);
  }, 900_000);

  it('points every change at the line of its page that names it (the old page for a removal)', () => {
    const lines = new Map<string, string[]>();
    const lineOf = (dir: string, file: string, line: number) => {
      const path = join(dir, file);
      if (!lines.has(path)) lines.set(path, readFileSync(path, 'utf8').split(/\r?\n/));
      return lines.get(path)?.[line - 1] ?? '';
    };
    const removal = (c: Change) => c.kind.endsWith('-removed');
    const wrong = diff.changes.filter((c) => {
      const text = lineOf(removal(c) ? olderResourcesDir : resourcesDir, c.source.file, c.source.line);
      const name = c.property ?? c.member;
      // A type points at its annotation comment (or, for an enum, the members table; a page without an annotation, its title).
      return name !== undefined ? !text.includes(name) : !/<!--|^\s*\||^#/.test(text);
    });
    expect(wrong.map((c) => `${c.kind} ${c.type} ${c.source.file}:${c.source.line}`)).toEqual([]);
    expect(diff.changes.length).toBeGreaterThan(0);
  });

  it('reports a property added only when no table of its type in the old pages lists it, removed only when none in the new pages does', () => {
    const contradicted = diff.changes.filter((c) => {
      if (c.property === undefined) return false;
      if (c.kind === 'property-added') return rowsOf(oldScan, c.type)?.has(c.property) === true;
      if (c.kind === 'property-removed') return rowsOf(newScan, c.type)?.has(c.property) === true;
      return false;
    });
    expect(contradicted).toEqual([]);
  });

  it('never reports a type change from or to a Type cell that could not be read', () => {
    expect(diff.changes.filter((c) => c.kind === 'property-type-changed' && /\bunknown \(/.test(`${c.before} ${c.after}`))).toEqual([]);
  });

  it('finds the changes checked by hand against both pages', () => {
    const find = (type: string, kind: string, name?: string) => diff.changes.find((c) => c.type === `microsoft.graph.${type}` && c.kind === kind && (name === undefined || (c.property ?? c.member) === name));
    const checked = [
      ['deviceManagementTroubleshootingEvent', 'type-removed', undefined, 'removed-type', 'intune-troubleshooting-devicemanagementtroubleshootingevent.md'],
      ['callRecords.callRecord', 'type-added', undefined, 'added-type', 'callrecords-callrecord.md'],
      ['user', 'property-added', 'employeeHireDate', 'added-property', 'user.md'],
      ['educationUser', 'property-removed', 'relatedContacts', 'removed-property', 'educationuser.md'],
      ['chatMessage', 'property-type-changed', 'from', 'type-specialized', 'chatmessage.md'],
      ['user', 'property-type-changed', 'otherMails', 'collection-changed', 'user.md'],
      ['audioConferencing', 'property-renamed-case', 'conferenceId', 'renamed-property-case', 'audioconferencing.md'],
      ['deviceEnrollmentType', 'enum-member-added', 'appleUserEnrollment', 'added-member', 'intune-devices-deviceenrollmenttype.md'],
      ['riskDetail', 'enum-member-added', 'adminConfirmedUserCompromised', 'added-member-evolvable', 'enums.md'],
      ['deviceEnrollmentFailureReason', 'enum-member-removed', 'userAbandonment', 'removed-member', 'intune-troubleshooting-deviceenrollmentfailurereason.md'],
    ] as const;
    for (const [type, kind, name, rule, file] of checked) expect(find(type, kind, name), `${type} ${kind} ${name ?? ''}`).toMatchObject({ rule, source: { file } });
  });

  it('keeps doc edits out of the changes: enums the docs named, facets they started to state', () => {
    const edit = (type: string, property: string) => diff.docEdits.find((e) => e.type === `microsoft.graph.${type}` && e.property === property)?.reason;
    expect(edit('user', 'ageGroup')).toBe('enum-documented');
    expect(edit('call', 'direction')).toBe('enum-documented');
    expect(edit('managedDevice', 'deviceName')).toBe('facet-stated-one-side');
    expect(diff.docEdits.find((e) => e.type === 'microsoft.graph.ageGroup')?.reason).toBe('type-documented');
    const changed = new Set(diff.changes.map((c) => `${c.type} ${c.property ?? c.member ?? ''}`));
    for (const key of ['microsoft.graph.user ageGroup', 'microsoft.graph.call direction', 'microsoft.graph.managedDevice deviceName', 'microsoft.graph.ageGroup ']) expect(changed.has(key), key).toBe(false);
    expect(diff.changes.filter((c) => c.kind === 'property-nullability-changed' || c.kind === 'property-readonly-changed')).toEqual([]);
  });
});
