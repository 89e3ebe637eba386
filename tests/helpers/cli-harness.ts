/** Helpers for the CLI tests: build the bin once, make temporary git repos, run the bin. */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ProcessConfig } from '../../src/cli/process-file';
import type { CodemodOptions, FileTransformResult, TransformName } from '../../src/codemods/api';
import { DEFAULT_TRANSFORM_NAMES } from '../../src/codemods/api';

export const ROOT = path.resolve(__dirname, '..', '..');
/** CLI_TEST_DIST lets a developer point the tests at another build (e.g. with a fake transform). */
export const DIST = process.env.CLI_TEST_DIST ?? path.join(ROOT, 'dist');
export const BIN = path.join(DIST, 'cli', 'bin.js');
/** The transforms the CLI runs when none is named. */
export const ALL: readonly TransformName[] = DEFAULT_TRANSFORM_NAMES;

/** A file every transform has something to do with: a client with no 'error' listener. */
export const CLIENT_JS = "const { createClient } = require('redis');\nconst client = createClient();\nclient.connect();\n";
/** A file with no redis client: never changed. */
export const PLAIN_JS = 'export const answer = 42;\n';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function isStale(): boolean {
  return !fs.existsSync(BIN) || fs.statSync(BIN).mtimeMs < newestMtime(path.join(ROOT, 'src'));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const BUILD_LOCK = path.join(os.tmpdir(), 'eslint-plugin-redis-cli-build.lock');

function waitForBuild(): void {
  for (let i = 0; i < 3000 && fs.existsSync(BUILD_LOCK); i++) sleep(100);
}

/**
 * Builds dist/ when it is missing or older than src/. It compiles in place (no `rm -rf dist`, so a
 * bin spawned by another test file never finds it missing), under a lock that run() waits for.
 */
export function ensureBuilt(): void {
  if (process.env.CLI_TEST_DIST) return;
  if (!isStale()) return;
  const lock = BUILD_LOCK;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (isStale()) {
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
      if (!fs.existsSync(BIN)) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
      fs.chmodSync(BIN, 0o755);
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The transform the CLI runs, loaded from the same build, to compute exact expected outputs. */
export function transformSource(
  source: string,
  filePath: string,
  transforms: readonly TransformName[] = ALL,
  options: CodemodOptions = {},
): FileTransformResult {
  const mod = createRequire(path.join(ROOT, 'package.json'))(path.join(DIST, 'codemods', 'transform-source.js')) as {
    transformSource: (s: string, f: string, t: readonly TransformName[], o: CodemodOptions) => FileTransformResult;
  };
  return mod.transformSource(source, filePath, transforms, options);
}

/** What the CLI should turn `file` (inside `cwd`) into. */
export function expected(cwd: string, rel: string, source: string, options: CodemodOptions = {}, transforms = ALL): string {
  return transformSource(source, path.join(cwd, rel), transforms, { ...options, cwd }).output;
}

/** The `applied` list the CLI should report for the file `rel` in `cwd`, joined as in the human report. */
export function applied(cwd: string, rel: string, options: CodemodOptions = {}, transforms = ALL): string {
  const file = path.join(cwd, rel);
  return transformSource(fs.readFileSync(file, 'utf8'), file, transforms, { ...options, cwd }).applied.join(', ');
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=CLI Test', '-c', 'user.email=cli@test.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const tempDirs: string[] = [];

/** Writes `files` (relative path → contents) into a new temp folder; a committed git repo unless `git: false`. */
export function makeTree(files: Record<string, string | Buffer>, { git: useGit = true } = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'redis-codemod-cli-')));
  tempDirs.push(dir);
  for (const [rel, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), contents);
  }
  if (useGit) {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'initial');
  }
  return dir;
}

/** Removes the temp folders (undoing chmod / chattr first). */
export function cleanTrees(): void {
  for (const dir of tempDirs.splice(0)) {
    spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
    spawnSync('chmod', ['-R', 'u+rwx', dir], { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built bin. `asUnprivileged` runs it as `nobody` when the tests run as root, on the tree
 * handed over to `nobody`; `afterChown` then sets the owners the test needs.
 */
export function run(cwd: string, args: string[], { asUnprivileged = false, afterChown = (): void => {} } = {}): RunResult {
  const options: SpawnSyncOptions = {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', FORCE_COLOR: '0' },
  };
  if (asUnprivileged && IS_ROOT) {
    spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, cwd]);
    afterChown();
    options.uid = NOBODY;
    options.gid = NOBODY;
  }
  waitForBuild();
  const result = spawnSync(process.execPath, [BIN, ...args], options);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export interface Started {
  child: ChildProcess;
  /** Resolves when the bin has exited and its output is closed. */
  done: Promise<RunResult & { signal: NodeJS.Signals | null }>;
}

/** Starts the built bin without waiting for it, to signal it while it runs. */
export function start(cwd: string, args: string[]): Started {
  waitForBuild();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<RunResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * Permission bits only stop writes for an unprivileged user. As root, the permission tests run the
 * bin as `nobody`; that needs `nobody` to be able to read the build. Returns why it cannot, if so.
 */
export function whyNoUnprivilegedRun(): string | undefined {
  if (!IS_ROOT) return undefined;
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(BIN.replace(/bin\.js$/, 'args.js'))})`], {
    uid: NOBODY,
    gid: NOBODY,
    cwd: os.tmpdir(),
    encoding: 'utf8',
  });
  return probe.status === 0 ? undefined : `running as root and user nobody cannot load ${BIN}: ${probe.stderr.split('\n')[0]}`;
}

export function isChattrAvailable(): boolean {
  if (!IS_ROOT) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-codemod-chattr-'));
  const file = path.join(dir, 'f');
  fs.writeFileSync(file, 'x');
  const ok = spawnSync('chattr', ['+i', file]).status === 0;
  spawnSync('chattr', ['-i', file]);
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
}

/** The lines a command printed, without the empty one after the last newline. */
export function outputLines(text: string): string[] {
  return text.split('\n').slice(0, -1);
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** Files left in a folder, to prove no temp file survived. */
export function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

export { IS_ROOT, NOBODY };

/** What `processFile` and `processAll` take for a run in `cwd`: the default transforms, a 1 MB limit, no output. */
export function processConfigIn(cwd: string, overrides: Partial<ProcessConfig> = {}): ProcessConfig {
  return {
    transforms: [...ALL],
    codemod: {},
    write: false,
    print: false,
    diff: false,
    cwd,
    maxFileSize: 1024 * 1024,
    allowOutsideGit: true,
    overrideReadOnly: false,
    ...overrides,
  };
}
