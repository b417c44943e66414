/**
 * The command line: arguments, reading specs, writing output atomically,
 * `--check`, reporting and exit codes. Nothing imports this module.
 */
import { Command, CommanderError, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { countBySeverity, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { generate, type Page } from './pipeline.js';

/** Exit codes: 0 success, 1 stale output or errors in the docs, 2 usage error. */
const exitCode = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

async function readSpecs(specsDir: string): Promise<Page[]> {
  if (!existsSync(specsDir) || !statSync(specsDir).isDirectory()) throw new UsageError(`specs directory not found: ${specsDir}`);
  const paths = await glob('**/*.md', { cwd: specsDir, onlyFiles: true, dot: false });
  paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths.map((path) => ({ path: path.split(sep).join('/'), text: readFileSync(join(specsDir, path), 'utf8') }));
}

/** Files currently in the output directory, relative, with forward slashes. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

interface Staleness {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

function compareWithDisk(outDir: string, files: ReadonlyMap<string, string>): Staleness {
  const onDisk = new Set(listFiles(outDir));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, text] of files) {
    if (!onDisk.has(path)) added.push(path);
    else if (readFileSync(join(outDir, path), 'utf8') !== text) changed.push(path);
    onDisk.delete(path);
  }
  return { added, changed, removed: [...onDisk].sort() };
}

/**
 * Writes every file into a fresh temporary directory beside the output, then
 * swaps it in with renames: the previous output stays intact until the new
 * one is complete.
 */
function writeAtomically(outDir: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const token = randomBytes(6).toString('hex');
  const staging = join(parent, `.graphdoc-staging-${token}`);
  const previous = join(parent, `.graphdoc-previous-${token}`);
  try {
    for (const [path, text] of files) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
  }
}

function report(diagnostics: readonly Diagnostic[], specsDir: string, showInfo: boolean): void {
  const prefix = relative(process.cwd(), specsDir);
  for (const d of diagnostics) {
    if (d.severity === 'info' && !showInfo) continue;
    process.stderr.write(`${formatDiagnostic(d, prefix === '' ? '' : `${prefix.split(sep).join('/')}/`)}\n`);
  }
}

interface GenerateOptions {
  readonly specs: string;
  readonly out: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly verbose: boolean;
}

async function runGenerate(options: GenerateOptions): Promise<number> {
  const specsDir = resolve(options.specs);
  const outDir = resolve(options.out);
  const pages = await readSpecs(specsDir);
  const result = generate(pages);
  report(result.diagnostics, specsDir, options.verbose);
  const counts = countBySeverity(result.diagnostics);
  const summary = `${pages.length} pages, ${result.model.declarations.length} declarations, ${result.files.size} files; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`;
  const failedOnDiagnostics = counts.error > 0 || (options.strict && counts.warning > 0);
  if (options.check) {
    const stale = compareWithDisk(outDir, result.files);
    const lines = [...stale.added.map((f) => `  added    ${f}`), ...stale.changed.map((f) => `  changed  ${f}`), ...stale.removed.map((f) => `  removed  ${f}`)];
    if (lines.length > 0) {
      process.stderr.write(`graphdoc: ${relative(process.cwd(), outDir) || '.'} is out of date with ${relative(process.cwd(), specsDir) || '.'}:\n${lines.join('\n')}\nRun \`graphdoc generate\` and commit the result.\n`);
      return exitCode.failed;
    }
    process.stdout.write(`graphdoc: up to date (${summary})\n`);
    return failedOnDiagnostics ? exitCode.failed : exitCode.ok;
  }
  if (failedOnDiagnostics) {
    process.stderr.write(`graphdoc: not written (${summary})\n`);
    return exitCode.failed;
  }
  writeAtomically(outDir, result.files);
  process.stdout.write(`graphdoc: wrote ${relative(process.cwd(), outDir) || '.'} (${summary})\n`);
  return exitCode.ok;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('graphdoc')
    .description('Generate TypeScript types from Graph-style Markdown reference pages')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  let result: number = exitCode.ok;
  program
    .command('generate')
    .description('read every *.md page under the specs directory and write TypeScript to the output directory')
    .addOption(new Option('--specs <dir>', 'directory of Markdown pages').default('specs'))
    .addOption(new Option('--out <dir>', 'output directory').default('generated'))
    .option('--check', 'write nothing; exit 1 when the output directory differs from what would be generated', false)
    .option('--strict', 'treat warnings as errors', false)
    .option('--verbose', 'also print notes (info diagnostics)', false)
    .action(async (options: GenerateOptions) => {
      result = await runGenerate(options);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCode.ok : exitCode.usage;
    if (error instanceof UsageError) {
      process.stderr.write(`graphdoc: ${error.message}\n`);
      return exitCode.usage;
    }
    throw error;
  }
}
