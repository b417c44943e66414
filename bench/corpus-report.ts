/**
 * Corpus report: runs the generator over every doc set under
 * ../shared/corpus and prints, for each, counts, diagnostics by code,
 * fidelity ratios, on how many pages each doc-quirk rule fired, and the time
 * taken. `npm run corpus [-- --misses] [-- NAME…]` (names select corpora). Not
 * a test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { quirkCatalogue, quirkNames } from '../generator/model/quirks.js';
import { generate } from '../generator/pipeline.js';
import { discoverCorpora, noCorporaMessage, readPages } from '../test/corpus/corpus.js';
import { measureFidelity, percent, type Ratio } from '../test/corpus/fidelity.js';

const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const corpora = discoverCorpora().filter((c) => names.length === 0 || names.includes(c.name));
if (corpora.length === 0) {
  console.log(noCorporaMessage);
  process.exit(0);
}

for (const corpus of corpora) {
  const pages = readPages(corpus.resources);
  const started = performance.now();
  const result = generate(pages);
  const elapsed = performance.now() - started;

  const declarations = result.model.declarations;
  const objects = declarations.filter((d) => d.kind === 'object');
  const enums = declarations.filter((d) => d.kind === 'enum');
  const properties = objects.reduce((sum, d) => sum + d.properties.length, 0);
  const byCode = new Map<string, number>();
  for (const d of result.diagnostics) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);

  console.log(`# ${corpus.name}`);
  console.log(`pages            ${pages.length}`);
  console.log(`declarations     ${declarations.length} (${objects.length} interfaces, ${enums.length} enums, ${enums.filter((e) => e.source === 'prose').length} of them from prose)`);
  console.log(`properties       ${properties}`);
  console.log(`files            ${result.files.size} (${[...result.files.values()].reduce((s, t) => s + t.length, 0)} characters)`);
  console.log(`placeholders     ${result.placeholders} descriptions left out`);
  console.log(`time             ${elapsed.toFixed(0)} ms in-process (parse to emit, one run)`);
  console.log('diagnostics by code:');
  for (const [code, count] of [...byCode.entries()].sort()) console.log(`  ${String(count).padStart(5)}  ${code}`);

  const fidelity = measureFidelity(pages, result.model, result.diagnostics);
  const line = (label: string, ratio: Ratio) => console.log(`  ${label.padEnd(36)} ${String(ratio.right).padStart(5)} / ${String(ratio.checked).padEnd(5)} ${percent(ratio).toFixed(2)}%`);
  console.log('fidelity (against a line-based reading of the same pages):');
  line('annotated types present', fidelity.typesPresent);
  line('properties present (own+inherited)', fidelity.propertiesPresent);
  line('plain property types right', fidelity.propertyTypesRight);
  line('annotated base types right', fidelity.baseTypesRight);
  line('bases stated in prose right/reported', fidelity.statedBasesRight);
  line('enum sections present', fidelity.enumSectionsPresent);
  line('enum pages present', fidelity.enumPagesPresent);
  line('property-table pages declared', fidelity.propertyTablePagesDeclared);
  if (process.argv.includes('--misses')) {
    for (const [name, ratio] of Object.entries(fidelity)) {
      if (ratio.misses.length === 0) continue;
      console.log(`misses: ${name}`);
      for (const miss of ratio.misses) console.log(`  ${miss}`);
    }
  }
  console.log('doc-quirk rules (generator/model/quirks.ts), pages each fired on:');
  for (const name of quirkNames) console.log(`  ${String(result.quirks[name] ?? 0).padStart(5)}  ${name.padEnd(28)} ${quirkCatalogue[name].family}`);
  console.log('');
}
