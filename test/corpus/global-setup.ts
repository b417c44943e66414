/**
 * vitest global setup: an empty directory where the corpus runs of this test
 * run are shared between test files (see corpus-run.ts), removed at the end.
 * Nothing is generated here: a run that needs no corpus costs nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'graphdoc-corpus-runs-'));
  project.provide('corpusRunDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
