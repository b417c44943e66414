/**
 * ts-morph, loaded on first use rather than when the emitters are imported.
 * It brings in TypeScript: about 60 MB resident and 30 MB of live heap that
 * would otherwise sit beside every page while the pages are parsed (making
 * each full collection slower and the peak higher), though nothing before
 * emit needs it. Loaded with `require` because an ES import cannot wait.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

let loaded: typeof TsMorph | undefined;

export function tsMorph(): typeof TsMorph {
  return (loaded ??= createRequire(import.meta.url)('ts-morph') as typeof TsMorph);
}
