/**
 * Reading a specs folder: every page that matches `include` and not
 * `exclude`, sorted by path. Shared by `generate` (run.ts) and `diff`; kept
 * apart from run.ts so that reading pages does not load the emitters.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { SpecsError, type Settings } from './config.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { compareCodeUnits } from './order.js';
import type { Page } from './pipeline.js';

export interface SpecsRead {
  readonly pages: Page[];
  /** Pages that matched but could not be read (other than vanishing between listing and reading). */
  readonly diagnostics: Diagnostic[];
}

/** Every page under the specs directory that matches `include` and not `exclude`, sorted by path. */
export async function readSpecs(settings: Pick<Settings, 'specs' | 'include' | 'exclude'>): Promise<SpecsRead> {
  const specsDir = settings.specs;
  if (!existsSync(specsDir) || !statSync(specsDir).isDirectory()) throw new SpecsError(`specs directory not found: ${specsDir}`);
  const paths = await glob([...settings.include], { cwd: specsDir, ignore: [...settings.exclude], onlyFiles: true, dot: false, expandDirectories: false });
  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths.map((p) => p.replace(/\\/g, '/')).sort(compareCodeUnits)) {
    try {
      pages.push({ path, text: readFileSync(join(specsDir, path), 'utf8') });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // Deleted while we were listing: an editor's save in progress.
      diagnostics.push(diagnostic('unreadable-page', { file: path, line: 1, column: 1 }, code ?? String(error)));
    }
  }
  return { pages, diagnostics };
}
