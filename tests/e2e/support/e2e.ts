/**
 * Helpers for the end-to-end tests: pack the package as npm would publish it, install the tarball
 * into throw-away projects, and run real binaries there with a time limit and a clean environment.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../../helpers/cli-harness';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Set E2E_KEEP=1 to keep the temporary projects for debugging (their paths are printed). */
const KEEP = process.env.E2E_KEEP === '1';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for assertions on text that may go to either. */
  output: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole process group after this many ms (default 120 s). */
  timeout?: number;
  input?: string;
}

/**
 * Runs a command in its own process group and kills the group if it outlives `timeout`, so a hung
 * npm, git hook or ESLint cannot hang the suite. Never rejects: a timeout shows as `signal`.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      detached: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (child.stdin) {
      child.stdin.on('error', () => {}); // the child may exit without reading its input
      child.stdin.end(options.input);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeout ?? 120_000);
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = '') => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[e2e] killed after ${options.timeout ?? 120_000} ms: ${command} ${args.join(' ')}`;
      stderr += extra;
      resolve({ code, signal, stdout, stderr, output: `${stdout}\n${stderr}`, ms: Date.now() - started });
    };
    child.on('error', (error) => finish(null, null, `\n[e2e] spawn failed: ${error.message}`));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** A readable dump of a run, for assertion messages. */
export function describeRun(result: RunResult): string {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
}

let emptyGitConfig: string | undefined;

/**
 * The environment for commands run in temporary projects. Drops what the surrounding `npm test`,
 * a git hook or the developer's shell may have set (npm_* config, GIT_DIR and friends, HUSKY=0)
 * and hides the global and system git config, so each repo only sees its own settings.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  if (!emptyGitConfig || !fs.existsSync(emptyGitConfig)) {
    emptyGitConfig = path.join(makeTempDir('gitconfig'), 'empty.gitconfig');
    fs.writeFileSync(emptyGitConfig, '');
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|GIT_|HUSKY|INIT_CWD$|ESLINT_USE_FLAT_CONFIG$|PRE_COMMIT|VITEST|NODE_OPTIONS$)/i.test(key)) continue;
    env[key] = value;
  }
  // Keep the npm cache and registry the developer or CI chose, so installs share one cache.
  for (const key of ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']) {
    if (process.env[key]) env[key] = process.env[key];
  }
  if (process.env.E2E_NPM_CACHE) env.npm_config_cache = process.env.E2E_NPM_CACHE;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: emptyGitConfig,
    GIT_TERMINAL_PROMPT: '0',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

const tempDirs: string[] = [];

/** A new folder under the OS temp dir, removed by `removeTempDirs()`. */
export function makeTempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `eslint-plugin-redis-e2e-${prefix}-`)));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) {
    if (KEEP) {
      console.log(`[e2e] kept ${dir}`);
      continue;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `files` (relative path → contents) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, contents] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/**
 * Builds dist/ if it is missing or older than src/ (sharing the CLI tests' lock), then packs the
 * package into `destination` as `npm publish` would (scripts are skipped: `prepare` would rebuild
 * dist/ under other test runs' feet). Returns the tarball's absolute path.
 */
export async function packTarball(destination: string): Promise<string> {
  ensureBuilt();
  const result = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
    cwd: ROOT,
    timeout: 120_000,
  });
  if (result.code !== 0) throw new Error(`npm pack failed: ${describeRun(result)}`);
  const [{ filename }] = JSON.parse(result.stdout) as [{ filename: string }];
  const tarball = path.join(destination, filename);
  if (!fs.existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
  return tarball;
}

/**
 * Creates a project in `dir` with `package.json` (plus `extra` fields) and installs `dependencies`
 * (name → version or `file:` tarball) the way a user would. The npm cache is shared between runs;
 * `--prefer-offline` keeps repeated runs from asking the registry about every package.
 */
export async function installProject(
  dir: string,
  dependencies: Record<string, string>,
  extra: Record<string, unknown> = {},
): Promise<RunResult> {
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: path.basename(dir).toLowerCase(), version: '1.0.0', private: true, ...extra, devDependencies: dependencies }, null, 2)}\n`,
  );
  const result = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeout: 420_000,
  });
  if (result.code !== 0) throw new Error(`npm install in ${dir} failed: ${describeRun(result)}`);
  return result;
}

/** The `[file, line, ruleId]` list of an ESLint `--format json` report, files relative to `cwd`, sorted. */
export function lintTuples(jsonReport: string, cwd: string): [string, number, string | null][] {
  const results = JSON.parse(jsonReport) as { filePath: string; messages: { line: number; ruleId: string | null }[] }[];
  return results
    .flatMap((r) => r.messages.map((m): [string, number, string | null] => [rel(cwd, r.filePath), m.line, m.ruleId]))
    .sort(compareTuples);
}

/** The files an ESLint `--format json` report covers, relative to `cwd`, sorted. */
export function lintedFiles(jsonReport: string, cwd: string): string[] {
  return (JSON.parse(jsonReport) as { filePath: string }[]).map((r) => rel(cwd, r.filePath)).sort();
}

function rel(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export function compareTuples(a: [string, number, string | null], b: [string, number, string | null]): number {
  return a[0].localeCompare(b[0]) || a[1] - b[1] || String(a[2]).localeCompare(String(b[2]));
}
