/**
 * Draws a seeded random sample of failing examples from check-examples on
 * the v1.0 corpus, for classifying by hand ("the example is wrong" vs "our
 * model or validator is wrong"). `npm run sample-failures [-- SIZE SEED]`.
 * Not a test: it prints the sample and asserts nothing.
 */
import { checkExamplesCommand } from '../generator/examples/check-examples.js';
import { corpusAvailable, corpusMissingMessage, resourcesDir, sharedDir } from '../test/corpus/corpus.js';
import { join } from 'node:path';

if (!corpusAvailable) {
  console.log(corpusMissingMessage);
  process.exit(0);
}

interface Result {
  readonly file: string;
  readonly line: number;
  readonly status: string;
  readonly typeName?: string;
  readonly problems: readonly { readonly message: string; readonly path: string; readonly line: number }[];
}

const size = Number(process.argv[2] ?? 40);
let seed = Number(process.argv[3] ?? 7);
let json = '';
await checkExamplesCommand(
  { specs: resourcesDir, examples: join(sharedDir, 'corpus', 'graph-docs-2021-07-v1.0', 'api'), format: 'json' },
  { stdout: (text) => void (json += text), stderr: () => undefined },
);
const failed = (JSON.parse(json) as { results: Result[] }).results.filter((r) => r.status === 'failed');
// A fixed linear congruential sequence, so the same seed draws the same sample.
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pool = [...failed];
const sample: Result[] = [];
while (sample.length < size && pool.length > 0) sample.push(...pool.splice(Math.floor(random() * pool.length), 1));
console.log(`${failed.length} failing examples; a sample of ${sample.length} (seed ${process.argv[3] ?? 7}):`);
for (const result of sample) {
  const first = result.problems[0];
  console.log(`${result.file}:${result.line}  ${result.typeName ?? ''}  ${result.problems.length} problem(s); first: ${first?.message ?? ''} (${first?.path ?? ''})`);
}
