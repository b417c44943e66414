/**
 * The command line: arguments, configuration, and exit codes. Each command is
 * one `register…` function below; the work lives in run.ts (one run),
 * watch.ts (watch mode), output.ts (atomic output, --check), cache.ts (the
 * incremental cache), config.ts (settings) and report.ts (printing). Nothing
 * imports this module.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFileName, defaultSettings, flagsLayer, loadConfig, resolveSettings, settingSpecs, UsageError, type FlagValues, type Settings } from './config.js';
import { describeFsError, isEnvironmentError } from './files.js';
import { colorsFor, createProgress, displayPath, exitCode, filePrefix, jsonReport, printDiagnostics, staleLines, summaryText, textIo, type Io } from './report.js';

const processIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };

/** The shape a command's action reports through: set the exit code once it is known. */
type Register = (program: Command, io: Io, setExitCode: (code: number) => void) => void;

function defaultText(key: keyof typeof defaultSettings): string {
  const value = defaultSettings[key];
  return Array.isArray(value) ? (value.length === 0 ? 'none' : value.join(' ')) : String(value);
}

/** Flags from the settings table (all, or only the given keys), so every config key has a flag and the help shows its default. */
function addSettingOptions(command: Command, only?: readonly (keyof Settings)[]): void {
  for (const spec of settingSpecs) {
    if (only && !only.includes(spec.key)) continue;
    if (spec.kind === 'boolean') {
      const on = defaultSettings[spec.key] === true;
      command.addOption(new Option(`--${spec.flag}`, `${spec.description}${on ? ' (default)' : ''}`));
      command.addOption(new Option(`--no-${spec.flag}`, `do not ${spec.description}${on ? '' : ' (default)'}`));
      continue;
    }
    const option = new Option(`--${spec.flag} <${spec.argument ?? 'value'}>`, `${spec.description} (default: ${defaultText(spec.key)})`);
    if (spec.choices) option.choices(spec.choices);
    command.addOption(option);
  }
}

interface GenerateFlags extends FlagValues {
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly config?: string;
  readonly force?: boolean;
}

/** The package's version, from the package.json beside dist/ (or generator/ under tsx). */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Settings from the config file (read now) and the flags. */
function settingsFrom(flags: GenerateFlags, cwd: string): Settings {
  return resolveSettings(loadConfig(cwd, flags.config), flagsLayer(flags, cwd), cwd);
}

async function generateOnce(settings: Settings, mode: 'write' | 'check', io: Io, force: boolean): Promise<number> {
  const text = settings.format === 'text';
  const progress = createProgress(io, text);
  // Loaded on use: --help and usage errors need neither the parser nor the emitters (ts-morph and TypeScript are loaded later
  // still, when the first declaration is printed: emit/ts-morph.ts).
  const { runOnce } = await import('./run.js');
  let outcome;
  try {
    outcome = await runOnce({ settings, mode, cwd: io.cwd, force, onPage: (done, total) => progress.update('graphdoc: reading pages', done, total) });
  } finally {
    progress.clear();
  }
  const out = displayPath(settings.out, io.cwd);
  const specs = displayPath(settings.specs, io.cwd);
  const prefix = filePrefix(settings.specs, io.cwd);
  if (!text) {
    const report = jsonReport({
      mode,
      exitCode: outcome.exitCode,
      specs,
      out,
      summary: outcome.summary,
      prefix,
      ...(mode === 'check' ? { stale: outcome.stale } : { written: outcome.written }),
      ...(outcome.superseded !== undefined ? { superseded: `${prefix}${outcome.superseded}` } : {}),
    });
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return outcome.exitCode;
  }
  const c = colorsFor(io.stderr, io.env);
  const note = (message: string) => io.stderr.write(`graphdoc: ${message}\n`);
  if (outcome.recovery?.restored) note(`restored ${out} from an interrupted run (${displayPath(outcome.recovery.restored, io.cwd)})`);
  for (const leftover of outcome.recovery?.removed ?? []) note(`removed ${displayPath(leftover, io.cwd)}, left by an interrupted run`);
  for (const { path, reason } of outcome.recovery?.failed ?? []) note(`${displayPath(path, io.cwd)}, left by an interrupted run, ${reason}; remove it by hand`);
  if (outcome.leftover) note(`the previous output, moved to ${displayPath(outcome.leftover.path, io.cwd)}, could not be removed: ${outcome.leftover.reason}; the next run removes it`);
  if (outcome.cacheNote) note(outcome.cacheNote);
  printDiagnostics(io, outcome.summary.diagnostics, prefix, settings.verbose);
  const summary = summaryText(outcome.summary);
  if (mode === 'check') {
    const lines = staleLines(outcome.stale);
    if (lines.length > 0) {
      io.stderr.write(`${c.red('graphdoc:')} ${out} is out of date with ${specs}:\n${lines.join('\n')}\n`);
      if (outcome.pendingRecovery) note(`${out} is missing but an interrupted run left it in ${displayPath(outcome.pendingRecovery, io.cwd)}; \`graphdoc generate\` restores it`);
      io.stderr.write('Run `graphdoc generate` and commit the result.\n');
    } else if (outcome.failure) {
      io.stderr.write(`${c.red('graphdoc:')} ${out} is up to date but the docs have ${outcome.failure === 'errors' ? 'errors' : 'too many warnings'} (${summary})\n`);
    } else {
      io.stdout.write(`graphdoc: ${out} is up to date (${summary})\n`);
    }
    return outcome.exitCode;
  }
  if (outcome.failure) {
    const why = outcome.failure === 'errors' ? 'errors in the docs' : `more than ${settings.maxWarnings} warning${settings.maxWarnings === 1 ? '' : 's'}`;
    io.stderr.write(`${c.red('graphdoc:')} not written: ${why} (${summary})\n`);
  } else if (outcome.superseded !== undefined) {
    io.stderr.write(`${c.red('graphdoc:')} not written: ${prefix}${outcome.superseded} changed while this run was reading the specs, so its output would be stale. Run graphdoc generate again (a run started after the change writes the new output).\n`);
  } else {
    io.stdout.write(`graphdoc: ${outcome.written ? `wrote ${out}` : `${out} already up to date`} (${summary})\n`);
  }
  return outcome.exitCode;
}

const registerGenerate: Register = (program, io, setExitCode) => {
  const command = program
    .command('generate')
    .description('read the Markdown pages under the specs directory and write TypeScript to the output directory')
    .option('--check', 'write nothing; exit 1 when the output directory differs from what would be generated, listing the files')
    .option('--watch', 'regenerate whenever a page or the configuration changes')
    .option('--config <file>', `configuration file (default: ${configFileName}, else the "graphdoc" key of package.json)`)
    .option('--strict', 'fail on any warning (same as --max-warnings 0)')
    .option('--force', 'replace the output directory even when it holds files graphdoc did not write, or edited ones');
  addSettingOptions(command);
  command.addHelpText(
    'after',
    `
Options also come from ${configFileName} (or the "graphdoc" key of package.json), with the
same names in camelCase (enumStyle, maxWarnings, ...); flags override the file.

Exit codes: 0 success; 1 errors in the docs, too many warnings, (--check) stale output, or the
specs changed during the run; 2 usage error, or a failure of the environment (permissions, a full
disk, an output directory holding files graphdoc did not write); 3 internal error.`,
  );
  command.action(async (flags: GenerateFlags) => {
    if (flags.check && flags.watch) throw new UsageError('--check and --watch cannot be used together');
    const settings = settingsFrom(flags, io.cwd);
    if (flags.watch) {
      const configFiles = flags.config !== undefined ? [resolve(io.cwd, flags.config)] : [resolve(io.cwd, configFileName), resolve(io.cwd, 'package.json')];
      const { watchAndGenerate } = await import('./watch.js');
      setExitCode(await watchAndGenerate({ io, resolveSettings: () => settingsFrom(flags, io.cwd), configFiles, force: flags.force === true }));
      return;
    }
    setExitCode(await generateOnce(settings, flags.check ? 'check' : 'write', io, flags.force === true));
  });
};

const registerCheckExamples: Register = (program, io, setExitCode) => {
  program
    .command('check-examples')
    .description('validate every annotated example response (and typed request) in the API pages with the generated validators')
    .option('--specs <dir>', `directory of resource pages that define the types (default: the "specs" setting of ${configFileName}, else specs)`)
    .requiredOption('--examples <dir>', 'directory of API pages with annotated examples')
    .option('--config <file>', `configuration file (default: ${configFileName}, else the "graphdoc" key of package.json)`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 every checked example passed; 1 some failed; 2 usage error.')
    .action(async (options: { specs?: string; examples: string; config?: string; format: 'text' | 'json' }) => {
      const { checkExamplesCommand } = await import('./examples/check-examples.js');
      const specs = options.specs !== undefined ? resolve(io.cwd, options.specs) : resolveSettings(loadConfig(io.cwd, options.config), {}, io.cwd).specs;
      const examples = resolve(io.cwd, options.examples);
      setExitCode(await checkExamplesCommand({ specs, examples, format: options.format }, textIo(io)));
    });
};

interface DiffFlags extends FlagValues {
  readonly format: 'text' | 'markdown' | 'json';
  readonly failOn: 'breaking' | 'any' | 'none';
  readonly config?: string;
}

const registerDiff: Register = (program, io, setExitCode) => {
  const command = program
    .command('diff')
    .description('compare the docs of two versions: every type, property and enum change, classified as breaking or not for readers and writers')
    .argument('<old>', 'the old docs: a specs folder, or git:REF for the configured specs folder at a git revision')
    .argument('<new>', 'the new docs, the same way; "." is the configured specs folder in the work tree')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(new Option('--fail-on <changes>', 'exit 1 when there are breaking changes, any change, or never').choices(['breaking', 'any', 'none']).default('breaking'))
    .option('--config <file>', `configuration file (default: ${configFileName}, else the "graphdoc" key of package.json)`);
  addSettingOptions(command, ['specs', 'include', 'exclude', 'cache', 'cacheDir']);
  command.addHelpText(
    'after',
    `
Examples:
  graphdoc diff git:origin/main .             what this branch changes in the docs
  graphdoc diff old-docs new-docs --format markdown

Exit codes: 0 nothing that --fail-on names; 1 changes that --fail-on names; 2 usage error
(a missing folder, a git revision that does not exist).`,
  );
  command.action(async (oldSide: string, newSide: string, flags: DiffFlags) => {
    const { format, failOn, config, ...settingFlags } = flags;
    const settings = resolveSettings(loadConfig(io.cwd, config), flagsLayer(settingFlags, io.cwd), io.cwd);
    const { diffCommand } = await import('./diff/command.js');
    setExitCode(await diffCommand({ old: oldSide, new: newSide, settings, format, failOn, cwd: io.cwd }, io));
  });
};

/** Every command, in help order. Throw `UsageError` (config.ts) for bad arguments: main() turns it into exit code 2. */
const commands: readonly Register[] = [registerGenerate, registerDiff, registerCheckExamples];

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = new Command('graphdoc')
    .description('Generate TypeScript types from Graph-style Markdown reference pages')
    .version(packageVersion(), '-v, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  let result: number = exitCode.ok;
  for (const register of commands) register(program, io, (code) => (result = code));
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCode.ok : exitCode.usage;
    if (error instanceof UsageError) {
      io.stderr.write(`graphdoc: ${error.message}\n`);
      return exitCode.usage;
    }
    // A failure of the environment that no module turned into a message of its own: still a usage error, in one line.
    if (isEnvironmentError(error)) {
      io.stderr.write(`graphdoc: cannot ${error.syscall ?? 'use'} ${error.path ?? 'a file'}: ${describeFsError(error)}\n`);
      return exitCode.usage;
    }
    throw error;
  }
}
