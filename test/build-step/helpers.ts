/**
 * Running the CLI on temporary directories: in-process through `main(argv,
 * io)` (the same code, without starting Node and loading TypeScript again),
 * or spawned (bin/graphdoc.js over dist/, built by `npm test`) where a real
 * process matters: kills, fault injection, signals, concurrency, another
 * user's permissions. And reading directories back byte for byte.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../generator/cli.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'bin', 'graphdoc.js');
export const built = existsSync(join(root, 'dist', 'cli.js'));
export const notBuiltMessage = 'dist/ not built: run `npm run build` (npm test does) to run the CLI tests';

/** The environment the CLI runs in: no colours, not in CI and not under GitHub Actions unless a test says so. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['CI', 'GITHUB_ACTIONS', 'FORCE_COLOR', 'GRAPHDOC_FAULT']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Another user to run as: `uid` and `gid` for spawn. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Spawns the CLI and waits for it. */
export function run(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}, as?: RunAs): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: cliEnv(env), ...(as ?? {}) });
  if (result.error) throw result.error;
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process: `main(argv, io)` with captured streams, no colours, not in CI. */
export async function runMain(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1', ...env },
    cwd,
  };
  const code = await main(args, io);
  return { code, signal: null, stdout, stderr };
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `graphdoc-${label}-`));
}

/** A new temporary directory holding a copy of the project's specs/ as `specs/`: a project to run the CLI in. */
export function specsCopy(label: string): string {
  const dir = tempDir(label);
  cpSync(join(root, 'specs'), join(dir, 'specs'), { recursive: true });
  return dir;
}

/** Every file under a directory, path → bytes as a string (latin1, so any byte survives), sorted. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** A long-running CLI (watch mode) whose output lines can be awaited. */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private stdoutText = '';
  private stderrText = '';
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}) {
    this.child = spawn(process.execPath, [bin, ...args], { cwd, env: cliEnv(env) });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdoutText += chunk;
      this.poll();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrText += chunk;
      this.poll();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get stdout(): string {
    return this.stdoutText;
  }

  get stderr(): string {
    return this.stderrText;
  }

  stdoutLines(): string[] {
    return this.stdoutText.split('\n').filter((l) => l !== '');
  }

  private poll(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when `test` holds; rejects after `timeoutMs` with what was printed so far. */
  waitFor(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nstdout:\n${this.stdoutText}\nstderr:\n${this.stderrText}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** How many stdout lines so far: a mark for `lineAfter`. */
  mark(): number {
    return this.stdoutLines().length;
  }

  /** Waits for a stdout line printed after `mark` that matches `pattern`, and returns it. */
  async lineAfter(mark: number, pattern: RegExp, timeoutMs?: number): Promise<string> {
    const found = () => this.stdoutLines().slice(mark).find((l) => pattern.test(l));
    await this.waitFor(() => found() !== undefined, `a line matching ${pattern}`, timeoutMs);
    return found() ?? '';
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
