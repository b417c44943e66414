/**
 * Configuration: graphdoc.config.json, the "graphdoc" key of package.json,
 * --config, and flags over all of them. Validation unit-tested in-process;
 * precedence end to end through the CLI.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, defaultSettings, flagsLayer, resolveSettings, settingSpecs, validateConfig } from '../../generator/config.js';
import { defaultEmitOptions } from '../../generator/options.js';
import { runMain as run, specsCopy } from './helpers.js';

describe('validateConfig', () => {
  it('accepts every setting with a valid value, resolving paths against the base directory', async () => {
    expect(
      validateConfig({ $schema: 'x', specs: 'docs', out: '../out', include: 'a/*.md', exclude: ['b/**'], enumStyle: 'union', maxWarnings: 3, validators: false }, 'cfg', '/base/dir'),
    ).toEqual({ specs: '/base/dir/docs', out: '/base/out', include: ['a/*.md'], exclude: ['b/**'], enumStyle: 'union', maxWarnings: 3, validators: false });
  });

  const invalid: [unknown, string][] = [
    [[], 'cfg: the configuration must be a JSON object'],
    [{ enumstyle: 'union' }, 'cfg: unknown option "enumstyle"; did you mean "enumStyle"? (known: specs, out, '],
    [{ maxWarning: 3 }, 'cfg: unknown option "maxWarning"; did you mean "maxWarnings"? (known: '],
    [{ 'cache-dir': 'x' }, 'cfg: unknown option "cache-dir"; did you mean "cacheDir"? (known: '],
    [{ frobnicate: true }, 'cfg: unknown option "frobnicate" (known: '],
    [{ enumStyle: 'Union' }, 'cfg: "enumStyle" must be one of const-object, union, enum (got "Union")'],
    [{ validators: 'yes' }, 'cfg: "validators" must be true or false (got "yes")'],
    [{ maxWarnings: 1.5 }, 'cfg: "maxWarnings" must be an integer ≥ -1 (got 1.5)'],
    [{ maxWarnings: -2 }, 'cfg: "maxWarnings" must be an integer ≥ -1 (got -2)'],
    [{ debounce: -1 }, 'cfg: "debounce" must be an integer ≥ 0 (got -1)'],
    [{ specs: '' }, 'cfg: "specs" must be a non-empty path (got "")'],
    [{ include: [] }, 'cfg: "include" must be a glob or a non-empty list of globs (got [])'],
  ];
  for (const [raw, message] of invalid) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      expect(() => validateConfig(raw, 'cfg', '/')).toThrow(ConfigError);
      expect(() => validateConfig(raw, 'cfg', '/')).toThrow(message);
    });
  }

  it('has a setting for every emit option, and a default for every setting', async () => {
    for (const key of Object.keys(defaultEmitOptions)) expect(settingSpecs.map((s) => s.key)).toContain(key);
    for (const spec of settingSpecs) expect(defaultSettings).toHaveProperty(spec.key);
  });

  it('layers defaults < config < flags, and --strict means --max-warnings 0', async () => {
    const settings = resolveSettings(
      { source: { file: '/project/graphdoc.config.json' }, layer: { enumStyle: 'union', layout: 'type', maxWarnings: 5 } },
      flagsLayer({ enumStyle: 'enum', strict: true, out: 'elsewhere' }, '/cwd'),
      '/cwd',
    );
    expect(settings).toMatchObject({ specs: '/project/specs', out: '/cwd/elsewhere', cacheDir: '/project/.graphdoc-cache', enumStyle: 'enum', layout: 'type', maxWarnings: 0, nullability: 'documented' });
  });
});

describe('configuration, end to end (in-process)', () => {
  let work: string;
  beforeEach(() => {
    work = specsCopy('config');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const enumOutput = (dir: string) => {
    const text = readFileSync(join(work, dir, 'microsoft.graph.ts'), 'utf8');
    if (text.includes('export enum SynchronizationTaskExecutionResult')) return 'enum';
    if (text.includes('export const SynchronizationTaskExecutionResult')) return 'const-object';
    return 'union';
  };

  it('graphdoc.config.json sets options, flags override them', async () => {
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ out: 'types', enumStyle: 'union' }));
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(enumOutput('types')).toBe('union');
    expect((await run(work, ['generate', '--enum-style', 'enum'])).code).toBe(0);
    expect(enumOutput('types')).toBe('enum');
    expect((await run(work, ['generate', '--check'])).code).toBe(1);
    expect((await run(work, ['generate', '--check', '--enum-style', 'enum'])).code).toBe(0);
  });

  it('uses the "graphdoc" key of package.json when there is no graphdoc.config.json, and graphdoc.config.json when both exist', async () => {
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'x', graphdoc: { out: 'from-package', enumStyle: 'enum' } }));
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(enumOutput('from-package')).toBe('enum');
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ out: 'from-config' }));
    expect((await run(work, ['generate'])).code).toBe(0);
    expect(enumOutput('from-config')).toBe('const-object');
  });

  it('--config reads another file, whose relative paths resolve against its own directory', async () => {
    mkdirSync(join(work, 'conf'));
    writeFileSync(join(work, 'conf', 'codegen.json'), JSON.stringify({ specs: '../specs', out: '../out-from-conf', nullability: 'never' }));
    expect((await run(work, ['generate', '--config', 'conf/codegen.json'])).code).toBe(0);
    expect(readFileSync(join(work, 'out-from-conf', 'microsoft.graph.ts'), 'utf8')).not.toContain('| null');
  });

  it('an invalid config is a usage error (exit 2) naming the file and the option, and nothing is written', async () => {
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ enumStyle: 'weird' }));
    const bad = await run(work, ['generate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('graphdoc: graphdoc.config.json: "enumStyle" must be one of const-object, union, enum (got "weird")\n');
    writeFileSync(join(work, 'graphdoc.config.json'), '{ "out": ');
    const malformed = await run(work, ['generate']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toBe('graphdoc: graphdoc.config.json:1:10: not valid JSON: a value was expected\n');
    writeFileSync(join(work, 'graphdoc.config.json'), '{\n  "out": "types",\n  "enumStyle" "union"\n}\n');
    expect((await run(work, ['generate'])).stderr).toBe('graphdoc: graphdoc.config.json:3:15: not valid JSON: a colon was expected\n');
    writeFileSync(join(work, 'graphdoc.config.json'), '{ "out": "types", }\n');
    expect((await run(work, ['generate'])).stderr).toBe('graphdoc: graphdoc.config.json:1:19: not valid JSON: a property name in double quotes was expected\n');
    writeFileSync(join(work, 'graphdoc.config.json'), JSON.stringify({ strict: true }));
    expect((await run(work, ['generate'])).stderr).toContain('unknown option "strict"');
    expect((await run(work, ['generate', '--check'])).code).toBe(2);
  });
});
