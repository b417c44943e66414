/**
 * Corpus report: runs the generator over the Graph v1.0 resource pages in
 * ../shared and prints counts, diagnostics by code, fidelity ratios and the
 * time taken. `npm run corpus`. Not a test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { generate, type PageCache, type PageRead } from '../generator/pipeline.js';
import { corpusAvailable, corpusMissingMessage, readPages, resourcesDir } from '../test/corpus/corpus.js';
import { measureFidelity, percent, type Ratio } from '../test/corpus/fidelity.js';

if (!corpusAvailable) {
  console.log(corpusMissingMessage);
  process.exit(0);
}

const pages = readPages(resourcesDir);
// A cache that only records what each page read, for the counts of doc quirks below.
const reads: PageRead[] = [];
const recorder: PageCache = { get: () => undefined, set: (_page, read) => void reads.push(read) };
const started = performance.now();
const result = generate(pages, {}, { cache: recorder });
const elapsed = performance.now() - started;

const declarations = result.model.declarations;
const objects = declarations.filter((d) => d.kind === 'object');
const enums = declarations.filter((d) => d.kind === 'enum');
const properties = objects.reduce((sum, d) => sum + d.properties.length, 0);
const byCode = new Map<string, number>();
for (const d of result.diagnostics) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);

console.log(`pages            ${pages.length}`);
console.log(`declarations     ${declarations.length} (${objects.length} interfaces, ${enums.length} enums, ${enums.filter((e) => e.source === 'prose').length} of them from prose)`);
console.log(`properties       ${properties}`);
console.log(`files            ${result.files.size} (${[...result.files.values()].reduce((s, t) => s + t.length, 0)} characters)`);
console.log(`time             ${elapsed.toFixed(0)} ms in-process (parse to emit, one run)`);
console.log('diagnostics by code:');
for (const [code, count] of [...byCode.entries()].sort()) console.log(`  ${String(count).padStart(5)}  ${code}`);

const fidelity = measureFidelity(pages, result.model);
const line = (label: string, ratio: Ratio) => console.log(`  ${label.padEnd(34)} ${String(ratio.right).padStart(5)} / ${String(ratio.checked).padEnd(5)} ${percent(ratio).toFixed(2)}%`);
console.log('fidelity (against a line-based reading of the same pages):');
line('annotated types present', fidelity.typesPresent);
line('properties present (own+inherited)', fidelity.propertiesPresent);
line('plain property types right', fidelity.propertyTypesRight);
line('annotated base types right', fidelity.baseTypesRight);
line('enum sections present', fidelity.enumSectionsPresent);
line('enum pages present', fidelity.enumPagesPresent);
line('property-table pages declared', fidelity.propertyTablePagesDeclared);
const verbose = process.argv.includes('--misses');
if (verbose) {
  for (const [name, ratio] of Object.entries(fidelity)) {
    if (ratio.misses.length === 0) continue;
    console.log(`misses: ${name}`);
    for (const miss of ratio.misses) console.log(`  ${miss}`);
  }
}

// Doc quirks the rules handled, counted from what the pages declare.
const facts = reads.map((r) => r.facts);
const objectsRead = facts.flatMap((f) => f.objects);
const openUnions = objects.flatMap((d) => d.properties).filter((p) => p.knownValues !== undefined);
console.log('doc quirks handled:');
console.log(`  base type only in "Inherits from" / "subclass of" prose   ${objectsRead.filter((o) => o.proseBase && !o.annotatedBase).length} pages`);
console.log(`  String properties with documented values (open unions)   ${openUnions.length} properties on ${new Set(openUnions.map((p) => p.origin.file)).size} pages`);
console.log(`  enums defined from description prose                      ${enums.filter((e) => e.source === 'prose').length}`);
