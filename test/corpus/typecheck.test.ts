/**
 * The generated TypeScript of every corpus (corpus-run.ts) type-checks under
 * `--strict`, types and validators together, with zero errors. In a file of
 * its own so that it runs beside the other corpus checks.
 */
import { describe, expect, it } from 'vitest';
import { discoverCorpora, noCorporaMessage, type Corpus } from './corpus.js';
import { corpusRuns } from './corpus-run.js';
import { typeCheck } from '../helpers/typecheck.js';

const corpora = discoverCorpora();
if (corpora.length === 0) describe.skip(noCorporaMessage, () => it('needs ../shared/corpus', () => undefined));

describe.each(corpora)('corpus $name', (corpus: Corpus) => {
  it('type-checks under --strict with zero errors', async () => {
    const run = (await corpusRuns(corpora)).find((r) => r.corpus.name === corpus.name);
    const typescript = new Map([...(run?.files ?? [])].filter(([path]) => path.endsWith('.ts')));
    expect(typescript.size).toBeGreaterThan(2);
    expect(typeCheck(typescript).slice(0, 20)).toEqual([]);
  }, 600_000);
});
