/**
 * The real `redis-codemod` bin on hostile trees: unreadable files and folders, symlinks out of the
 * target and in loops, a file rewritten while it is processed, a full disk and a read-only disk. The
 * CLI must say what happened, exit non-zero when something was not done, and never leave a file
 * half-written, lost, or a temp file behind. The trees are not git repositories, so runs that write
 * pass --allow-outside-git.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSFORM_NAMES } from '../../src/codemods/api';
import { transformSource } from '../../src/codemods/transform-source';
import { BIN, ensureBuilt, whyNoUnprivilegedRun } from '../helpers/cli-harness';
import { fixture } from './helpers';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const CLIENT_JS = "const { createClient } = require('redis');\nconst client = createClient();\nclient.connect();\n";
const PLAIN_JS = 'module.exports = 42;\n';

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
});

function tempDir(label: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `redis-robustness-${label}-`)));
  cleanups.push(() => {
    spawnSync('chmod', ['-R', 'u+rwx', dir], { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** What the CLI writes for `text` at `file` (run from `cwd`). */
function expectedOutput(text: string, file: string, cwd: string): string {
  return transformSource(text, file, DEFAULT_TRANSFORM_NAMES, { cwd }).output;
}

/** Every file under `dir` (relative, sorted), following no symlinks. */
function listTree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBin(cwd: string, args: string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' }, ...options });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

beforeAll(() => ensureBuilt(), 300_000);

describe('unreadable files and folders', () => {
  // Root ignores permission bits, so as root the bin runs as `nobody` on a tree `nobody` owns.
  const whyNot = IS_ROOT ? whyNoUnprivilegedRun() : undefined;
  it.skipIf(whyNot !== undefined)(`reports each one, processes the rest, exits 1${whyNot ? ` (skipped: ${whyNot})` : ''}`, async () => {
    const dir = tempDir('unreadable');
    writeTree(dir, { 'ok.js': CLIENT_JS, 'secret.js': CLIENT_JS, 'locked/inner.js': CLIENT_JS, 'plain.js': PLAIN_JS });
    if (IS_ROOT) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    fs.chmodSync(path.join(dir, 'secret.js'), 0o000);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);

    const run = await runBin(dir, ['--force', '--allow-outside-git', '.'], IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {});
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/^secret\.js: cannot read \(EACCES/m);
    expect(run.stderr).toMatch(/^locked: cannot read folder \(EACCES/m);
    expect(run.stderr).toMatch(/^ok\.js: changed/m);
    expect(run.stderr).toMatch(/2 errors/);
    expect(run.code).toBe(1);

    fs.chmodSync(path.join(dir, 'secret.js'), 0o644);
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
    expect(fs.readFileSync(path.join(dir, 'secret.js'), 'utf8')).toBe(CLIENT_JS);
    expect(fs.readFileSync(path.join(dir, 'locked/inner.js'), 'utf8')).toBe(CLIENT_JS);
    expect(fs.readFileSync(path.join(dir, 'ok.js'), 'utf8')).toBe(expectedOutput(CLIENT_JS, path.join(dir, 'ok.js'), dir));
    expect(listTree(dir)).toEqual(['locked', 'locked/inner.js', 'ok.js', 'plain.js', 'secret.js']);
  }, 60_000);
});

describe('symlinks', () => {
  it('never follows a symlink out of the target while walking, and never writes through it', async () => {
    const root = tempDir('symlink-out');
    const outside = path.join(root, 'outside');
    const target = path.join(root, 'target');
    writeTree(root, { 'outside/client.js': CLIENT_JS, 'outside/nested/deep.js': CLIENT_JS, 'target/own.js': CLIENT_JS });
    fs.symlinkSync(path.join(outside, 'client.js'), path.join(target, 'link.js'));
    fs.symlinkSync(outside, path.join(target, 'linked-folder'));

    const run = await runBin(root, ['--force', '--allow-outside-git', 'target']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/^target\/link\.js: skipped \(symlink\)/m);
    expect(run.stderr).toMatch(/^target\/own\.js: changed/m);
    expect(run.stderr).not.toMatch(/linked-folder/);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(outside, 'client.js'), 'utf8')).toBe(CLIENT_JS);
    expect(fs.readFileSync(path.join(outside, 'nested/deep.js'), 'utf8')).toBe(CLIENT_JS);
    expect(fs.lstatSync(path.join(target, 'link.js')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(target, 'linked-folder')).isSymbolicLink()).toBe(true);
  }, 60_000);

  it('finishes on symlink loops (folder to itself, file loops) without crashing', async () => {
    const dir = tempDir('symlink-loop');
    writeTree(dir, { 'src/own.js': CLIENT_JS });
    fs.symlinkSync(dir, path.join(dir, 'src', 'again')); // src/again -> the root, which contains src
    fs.symlinkSync(path.join(dir, 'src', 'b.js'), path.join(dir, 'src', 'a.js'));
    fs.symlinkSync(path.join(dir, 'src', 'a.js'), path.join(dir, 'src', 'b.js'));
    fs.symlinkSync(path.join(dir, 'src', 'self.js'), path.join(dir, 'src', 'self.js'));

    const run = await runBin(dir, ['--force', '--allow-outside-git', '.']);
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/^src\/own\.js: changed/m);
    expect(run.code).toBe(0);
    for (const name of ['again', 'a.js', 'b.js', 'self.js']) expect(fs.lstatSync(path.join(dir, 'src', name)).isSymbolicLink()).toBe(true);

    // Named on the command line, a looping symlink is a clear usage error, not a crash.
    const named = await runBin(dir, ['--force', '--allow-outside-git', 'src/a.js']);
    expect(named.stderr).not.toMatch(/internal error/);
    expect(named.stderr).toBe("redis-codemod: symlink loop: src/a.js\nRun 'redis-codemod --help' for usage.\n");
    expect(named.code).toBe(2);
  }, 60_000);
});

describe('a file rewritten while it is processed', () => {
  // A large file keeps the CLI busy for a while; another process rewrites it in place (truncate +
  // write, like most editors without atomic save) over and over, starting at different moments.
  const base = fixture('worker-pool.mjs');
  const body = base
    .replace(/^import .*$/gm, '')
    .replace(/^export default .*$/m, '')
    .replace(/^export (const|async function) /gm, '$1 ');
  const big =
    "import { createClientPool, createSentinel, RedisClient } from '@redis/client';\nimport redis from 'redis';\n" +
    Array.from({ length: 40 }, (_, i) => `export async function part${i}() {\n${body}\n  return runJobs;\n}\n`).join('\n');

  let cachedOutput: string | undefined;
  const bigOutput = (): string => {
    if (cachedOutput === undefined) {
      const file = path.join(os.tmpdir(), 'x', 'big.mjs');
      cachedOutput = expectedOutput(big, file, os.tmpdir());
      const suffix = '\n// rewritten by the concurrent writer, version 0\n';
      expect(expectedOutput(big + suffix, file, os.tmpdir())).toBe(cachedOutput + suffix);
      expect(cachedOutput).not.toBe(big);
    }
    return cachedOutput;
  };

  it.each([0, 700, 1400, 2200])('writer starting after %i ms: the file ends as the writer\'s text or a complete codemod output', async (delay) => {
    const dir = tempDir('concurrent');
    const file = path.join(dir, 'big.mjs');
    fs.writeFileSync(file, big);
    const versions = Array.from({ length: 30 }, (_, k) => `${big}\n// rewritten by the concurrent writer, version ${k}\n`);
    const versionsFile = path.join(dir, '..', `${path.basename(dir)}-versions.json`);
    fs.writeFileSync(versionsFile, JSON.stringify(versions));
    cleanups.push(() => fs.rmSync(versionsFile, { force: true }));

    const writerScript = `
      const fs = require('fs');
      const versions = JSON.parse(fs.readFileSync(${JSON.stringify(versionsFile)}, 'utf8'));
      let k = 0;
      setTimeout(function tick() {
        fs.writeFileSync(${JSON.stringify(file)}, versions[k]);
        if (++k < versions.length) setTimeout(tick, 50);
      }, ${delay});`;
    const writer = new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', writerScript]).on('close', resolve));
    const run = await runBin(dir, ['--force', '--allow-outside-git', '--workers', '1', 'big.mjs']);
    expect(await writer).toBe(0);

    const final = fs.readFileSync(file, 'utf8');
    const allowed = new Map<string, string>([[versions.at(-1)!, "the writer's last version"]]);
    // The versions only add a trailing comment, which the transforms leave alone: the codemod output
    // of version k is the output for the original plus that comment (checked for one version).
    const original = bigOutput();
    allowed.set(original, 'codemod output of the original');
    for (const [k, text] of versions.entries()) allowed.set(original + text.slice(big.length), `codemod output of version ${k}`);
    const outcome = allowed.get(final);
    expect(outcome, `final content is neither the writer's nor a complete codemod output\n${run.stderr}`).toBeDefined();
    console.info(`writer after ${delay} ms: file ends as ${outcome}; CLI exit ${run.code}`);
    expect(run.stderr).not.toMatch(/internal error/);
    if (/changed on disk/.test(run.stderr)) expect(run.code).toBe(1);
    if (run.code === 0 && !/^big\.mjs: changed/m.test(run.stderr)) {
      // The CLI read the file while the writer had it truncated (empty): nothing to change, nothing written.
      expect(run.stderr).toMatch(/1 file scanned, 0 changed, 1 unchanged/);
      expect(versions).toContain(final);
    }
    expect(listTree(dir)).toEqual(['big.mjs']);
  }, 60_000);
});

// ------------------------------------------------------------------------------- full / read-only disk

/** Mounts a tmpfs at a new folder; returns the folder, or the reason it cannot. */
function mountTmpfs(label: string, options: string): { dir: string } | { why: string } {
  if (!IS_ROOT) return { why: 'mounting a tmpfs needs root' };
  if (process.platform !== 'linux') return { why: 'tmpfs mounts are Linux-only' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `redis-robustness-${label}-`));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { why: `mount -t tmpfs is not permitted here: ${(result.stderr || result.error?.message || '').trim()}` };
  }
  cleanups.push(() => {
    spawnSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir };
}

const probe = mountTmpfs('probe', 'size=64k');
const whyNoMount = 'why' in probe ? probe.why : undefined;

describe('full and read-only disks', () => {
  it.skipIf(whyNoMount !== undefined)(`a full disk (tmpfs size=64k, ENOSPC): every file intact, clear message, exit 1${whyNoMount ? ` (skipped: ${whyNoMount})` : ''}`, async () => {
    const mounted = mountTmpfs('full', 'size=64k');
    if (!('dir' in mounted)) throw new Error(mounted.why);
    const { dir } = mounted;
    const files: Record<string, string> = {
      'a.js': CLIENT_JS,
      'b.ts': fixture('rate-limiter.ts'),
      'c.cjs': fixture('session-store.cjs'),
      'plain.js': PLAIN_JS,
    };
    writeTree(dir, files);
    // Fill the rest of the file system.
    const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
    const chunk = Buffer.alloc(1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    const before = listTree(dir);

    const run = await runBin(dir, ['--force', '--allow-outside-git', '.']);
    expect(run.stderr).not.toMatch(/internal error/);
    for (const name of ['a.js', 'b.ts', 'c.cjs']) {
      expect(run.stderr).toMatch(new RegExp(`^${name.replace('.', '\\.')}: cannot write \\(ENOSPC`, 'm'));
    }
    expect(run.stderr).toMatch(/3 errors/);
    expect(run.code).toBe(1);
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    expect(listTree(dir)).toEqual(before);
  }, 60_000);

  it.skipIf(whyNoMount !== undefined)(`a read-only file system (EROFS): every file intact, clear message, exit 1${whyNoMount ? ` (skipped: ${whyNoMount})` : ''}`, async () => {
    const mounted = mountTmpfs('readonly', 'size=1m');
    if (!('dir' in mounted)) throw new Error(mounted.why);
    const { dir } = mounted;
    const files: Record<string, string> = { 'a.js': CLIENT_JS, 'sub/b.mjs': fixture('worker-pool.mjs'), 'plain.js': PLAIN_JS };
    writeTree(dir, files);
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    const before = listTree(dir);

    const run = await runBin(dir, ['--force', '--allow-outside-git', '.']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/^a\.js: cannot write \((EROFS|EACCES)/m);
    expect(run.stderr).toMatch(/^sub\/b\.mjs: cannot write \((EROFS|EACCES)/m);
    expect(run.code).toBe(1);
    for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    expect(listTree(dir)).toEqual(before);

    // --dry and --check never need to write: they work on a read-only tree.
    const check = await runBin(dir, ['--check', '.']);
    expect(check.stderr).not.toMatch(/cannot write/);
    expect(check.code).toBe(1); // files would change
  }, 60_000);
});
