/** `npm run runtime-source`: regenerates `runtime-source.ts` from `validation.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRuntimeSource } from './render-source.js';

const runtimePath = fileURLToPath(new URL('./validation.ts', import.meta.url));
const targetPath = fileURLToPath(new URL('./runtime-source.ts', import.meta.url));
writeFileSync(targetPath, renderRuntimeSource(readFileSync(runtimePath, 'utf8')));
process.stdout.write(`wrote ${targetPath}\n`);
