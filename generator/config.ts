/**
 * Settings of `graphdoc generate`: one table that says, for every setting,
 * its config key, its flag, its type, its default and its help. The config
 * file is validated against it, the CLI builds its flags from it, and the
 * README documents it. Precedence: defaults < config file < flags.
 *
 * The config is `--config FILE`, else `graphdoc.config.json` in the working
 * directory, else the `"graphdoc"` key of `package.json` there. Relative paths
 * in a config resolve against the config file's directory; on the command
 * line, against the working directory.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultEmitOptions, type EmitOptions } from './options.js';

/** A problem with how graphdoc was invoked (exit code 2): bad flags, config, specs or output directory. */
export class UsageError extends Error {}

export class ConfigError extends UsageError {}

export class SpecsError extends UsageError {}

type SettingKind = 'path' | 'globs' | 'choice' | 'boolean' | 'integer';

export interface SettingSpec {
  /** Key in graphdoc.config.json. */
  readonly key: keyof Settings;
  /** Long flag without dashes; booleans also get `--no-<flag>`. */
  readonly flag: string;
  readonly kind: SettingKind;
  readonly choices?: readonly string[];
  readonly argument?: string;
  readonly description: string;
}

export interface Settings extends EmitOptions {
  /** Absolute. */
  readonly specs: string;
  /** Absolute. */
  readonly out: string;
  /** Globs relative to the specs directory. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Fail (exit 1, write nothing) when there are more warnings than this; -1: no limit. */
  readonly maxWarnings: number;
  readonly cache: boolean;
  /** Absolute. */
  readonly cacheDir: string;
  readonly format: 'text' | 'json';
  readonly verbose: boolean;
  /** Watch mode: milliseconds of quiet before a run. */
  readonly debounce: number;
}

export const settingSpecs: readonly SettingSpec[] = [
  { key: 'specs', flag: 'specs', kind: 'path', argument: 'dir', description: 'directory read recursively for Markdown pages' },
  { key: 'out', flag: 'out', kind: 'path', argument: 'dir', description: 'output directory, replaced atomically' },
  { key: 'include', flag: 'include', kind: 'globs', argument: 'glob...', description: 'pages to read, globs relative to the specs directory' },
  { key: 'exclude', flag: 'exclude', kind: 'globs', argument: 'glob...', description: 'pages to leave out, globs relative to the specs directory' },
  { key: 'enumStyle', flag: 'enum-style', kind: 'choice', choices: ['const-object', 'union', 'enum'], argument: 'style', description: 'how enums are emitted' },
  { key: 'nullability', flag: 'nullability', kind: 'choice', choices: ['documented', 'always', 'never'], argument: 'policy', description: 'when a property admits null' },
  { key: 'dateMapping', flag: 'date-mapping', kind: 'choice', choices: ['string', 'branded'], argument: 'mapping', description: 'TypeScript type for Date, DateTimeOffset, TimeOfDay, Duration' },
  { key: 'int64Mapping', flag: 'int64-mapping', kind: 'choice', choices: ['number', 'string', 'number-or-string'], argument: 'mapping', description: 'TypeScript type for Int64' },
  { key: 'layout', flag: 'layout', kind: 'choice', choices: ['namespace', 'type'], argument: 'layout', description: 'one file per namespace, or one file per type with index barrels' },
  { key: 'validators', flag: 'validators', kind: 'boolean', description: 'emit runtime validators next to the types' },
  { key: 'jsonSchema', flag: 'json-schema', kind: 'boolean', description: 'emit a JSON Schema file per namespace' },
  { key: 'indexSignatures', flag: 'index-signatures', kind: 'boolean', description: 'give open types an index signature [property: string]: unknown' },
  { key: 'maxWarnings', flag: 'max-warnings', kind: 'integer', argument: 'n', description: 'fail and write nothing when there are more than n warnings (-1: no limit)' },
  { key: 'cache', flag: 'cache', kind: 'boolean', description: 'reuse per-page results from the cache directory' },
  { key: 'cacheDir', flag: 'cache-dir', kind: 'path', argument: 'dir', description: 'where the incremental cache lives' },
  { key: 'format', flag: 'format', kind: 'choice', choices: ['text', 'json'], argument: 'format', description: 'diagnostics and summary as text (stderr/stdout) or one JSON document (stdout)' },
  { key: 'verbose', flag: 'verbose', kind: 'boolean', description: 'also print notes (info diagnostics)' },
  { key: 'debounce', flag: 'debounce', kind: 'integer', argument: 'ms', description: 'watch mode: quiet time before a run' },
];

/** Defaults, with paths relative to the working directory. */
export const defaultSettings = {
  specs: 'specs',
  out: 'generated',
  include: ['**/*.md'],
  exclude: [],
  ...defaultEmitOptions,
  maxWarnings: -1,
  cache: true,
  cacheDir: '.graphdoc-cache',
  format: 'text',
  verbose: false,
  debounce: 100,
} as const satisfies Omit<Settings, 'specs' | 'out' | 'cacheDir'> & { specs: string; out: string; cacheDir: string };

/** Partial settings from one source, already validated, paths absolute. */
export type SettingsLayer = { -readonly [K in keyof Settings]?: Settings[K] };

/** Where a config came from, for messages and for watch mode. */
export interface ConfigSource {
  readonly file: string;
  /** `"graphdoc"` when the settings sit under that key of package.json. */
  readonly key?: string;
}

export interface LoadedConfig {
  readonly source?: ConfigSource;
  readonly layer: SettingsLayer;
}

export const configFileName = 'graphdoc.config.json';

/**
 * Checks one value against its spec. `where` names the source in messages;
 * `base` resolves relative paths. Numbers from flags arrive as strings.
 */
function validateValue(spec: SettingSpec, value: unknown, where: string, base: string): unknown {
  const fail = (expected: string): never => {
    throw new ConfigError(`${where}: "${spec.key}" must be ${expected} (got ${JSON.stringify(value)})`);
  };
  switch (spec.kind) {
    case 'path':
      if (typeof value !== 'string' || value === '') return fail('a non-empty path');
      return resolve(base, value);
    case 'globs': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || list.length === 0 || !list.every((g) => typeof g === 'string' && g !== '')) return fail('a glob or a non-empty list of globs');
      return [...(list as string[])];
    }
    case 'choice':
      if (typeof value !== 'string' || !(spec.choices ?? []).includes(value)) return fail(`one of ${(spec.choices ?? []).join(', ')}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('true or false');
      return value;
    case 'integer': {
      const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < (spec.key === 'maxWarnings' ? -1 : 0)) return fail(spec.key === 'maxWarnings' ? 'an integer ≥ -1' : 'an integer ≥ 0');
      return number;
    }
    default: {
      const unreachable: never = spec.kind;
      return unreachable;
    }
  }
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The known key an unknown one was most likely meant to be: same letters in another case, or at most a third of it mistyped. */
function closestKey(key: string): string | undefined {
  const keys = settingSpecs.map((s) => s.key as string);
  const sameLetters = keys.find((k) => k.toLowerCase() === key.toLowerCase() || k.toLowerCase() === key.replace(/[-_]/g, '').toLowerCase());
  if (sameLetters) return sameLetters;
  const scored = keys.map((k) => ({ k, d: editDistance(k.toLowerCase(), key.toLowerCase()) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.k : undefined;
}

/** Validates a config object: every key known, every value of its type. */
export function validateConfig(raw: unknown, where: string, base: string): SettingsLayer {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: the configuration must be a JSON object`);
  const layer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const spec = settingSpecs.find((s) => s.key === key);
    if (!spec) {
      const guess = closestKey(key);
      throw new ConfigError(`${where}: unknown option "${key}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${settingSpecs.map((s) => s.key).join(', ')})`);
    }
    layer[key] = validateValue(spec, value, where, base);
  }
  return layer as SettingsLayer;
}

const jsonErrors: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace was expected',
  CloseBracketExpected: 'a closing bracket was expected',
  EndOfFileExpected: 'nothing may follow the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'invalid character in a string',
};

/** Reads a JSON file; a syntax error is reported at its line and column (`file:3:14: not valid JSON: a comma was expected`). */
function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [error] = errors;
  if (error) {
    const before = text.slice(0, error.offset).split(/\r\n|\r|\n/);
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    const code = printParseErrorCode(error.error);
    throw new ConfigError(`${shown}:${line}:${column}: not valid JSON: ${jsonErrors[code] ?? code}`);
  }
  return value;
}

/** Finds and reads the config: an explicit file, else graphdoc.config.json, else package.json's "graphdoc" key, else none. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
    return { source: { file }, layer: validateConfig(readJson(file, file), file, dirname(file)) };
  }
  const configFile = resolve(cwd, configFileName);
  if (existsSync(configFile)) return { source: { file: configFile }, layer: validateConfig(readJson(configFile, configFileName), configFileName, cwd) };
  const manifest = resolve(cwd, 'package.json');
  if (existsSync(manifest)) {
    const json = readJson(manifest, 'package.json');
    if (typeof json === 'object' && json !== null && 'graphdoc' in json) {
      return { source: { file: manifest, key: 'graphdoc' }, layer: validateConfig((json as { graphdoc: unknown }).graphdoc, 'package.json "graphdoc"', cwd) };
    }
  }
  return { layer: {} };
}

/** The flag values commander parsed, keyed by setting key (camelCase); undefined when not given. */
export type FlagValues = Partial<Record<keyof Settings | 'strict', unknown>>;

/** Validates flag values; `--strict` is `--max-warnings 0`. */
export function flagsLayer(flags: FlagValues, cwd: string): SettingsLayer {
  const raw: Record<string, unknown> = {};
  for (const spec of settingSpecs) {
    const value = flags[spec.key];
    if (value !== undefined) raw[spec.key] = value;
  }
  const layer = { ...validateConfig(raw, 'command line', cwd) };
  if (flags.strict === true) layer.maxWarnings = 0;
  return layer;
}

/** defaults < config < flags. Default paths are relative to the config file's directory, else the working directory. */
export function resolveSettings(config: LoadedConfig, flags: SettingsLayer, cwd: string): Settings {
  const base = config.source ? dirname(config.source.file) : cwd;
  return {
    ...defaultSettings,
    specs: resolve(base, defaultSettings.specs),
    out: resolve(base, defaultSettings.out),
    cacheDir: resolve(base, defaultSettings.cacheDir),
    ...config.layer,
    ...flags,
  };
}

export function emitOptionsOf(settings: Settings): EmitOptions {
  const { enumStyle, nullability, dateMapping, int64Mapping, layout, validators, jsonSchema, indexSignatures } = settings;
  return { enumStyle, nullability, dateMapping, int64Mapping, layout, validators, jsonSchema, indexSignatures };
}
