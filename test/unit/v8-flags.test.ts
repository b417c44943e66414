/** The V8 flags the bin sets per command (generator/v8-flags.ts); what each is worth is measured by `npm run bench:v8-flags`. */
import { expect, it } from 'vitest';
import { v8FlagsFor } from '../../generator/v8-flags.js';

it('generate and the other commands lower the heap growth; diff keeps it, and collects alone and compiles without escape analysis on two cores or fewer', () => {
  expect(v8FlagsFor('generate', 2)).toEqual(['--heap-growing-percent=20', '--no-turbo-inlining']);
  expect(v8FlagsFor(undefined, 8)).toEqual(['--heap-growing-percent=20', '--no-turbo-inlining']);
  expect(v8FlagsFor('diff', 1)).toEqual(['--no-parallel-scavenge', '--no-turbo-escape', '--no-turbo-inlining']);
  expect(v8FlagsFor('diff', 2)).toEqual(['--no-parallel-scavenge', '--no-turbo-escape', '--no-turbo-inlining']);
  expect(v8FlagsFor('diff', 4)).toEqual(['--no-turbo-inlining']);
});
