/**
 * The scanned repository is not trusted: settings in its own git config that run a command when git
 * lists files or checks for changes must not run when redis-codemod scans it. Each case first shows
 * that plain git does run the command, then that a run (listing, checking, writing) does not.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_JS, applied, cleanTrees, ensureBuilt, expected, git, makeTree, read, run } from '../helpers/cli-harness';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

/** A marker file outside the tree: it exists once the planted command has run. */
function marker(): string {
  const dir = makeTree({}, { git: false });
  return path.join(dir, 'pwned');
}

/** Plain `git status`, as a user would type it in the scanned repository. */
function plainGitStatus(dir: string): void {
  spawnSync('git', ['status', '--porcelain'], { cwd: dir, env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** Makes every file's stat data differ from the index, so that git reads (and filters) them again. */
function touchAll(dir: string, names: readonly string[]): void {
  const later = new Date(Date.now() + 5000);
  for (const name of names) fs.utimesSync(path.join(dir, name), later, later);
}

function expectCleanRun(dir: string, pwned: string): void {
  const appliedList = applied(dir, 'a.js');
  expect(run(dir, ['--dry', '.']).code).toBe(0);
  const result = run(dir, ['.']);
  expect(result.stderr).toBe(
    [`a.js: changed (${appliedList})`, 'redis-codemod: 1 file scanned, 1 changed, 0 unchanged, 0 skipped, 0 errors', ''].join('\n'),
  );
  expect(result.code).toBe(0);
  expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
  expect(fs.existsSync(pwned)).toBe(false);
}

describe('commands planted in the repository config never run', () => {
  it('core.fsmonitor', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const pwned = marker();
    git(dir, 'config', 'core.fsmonitor', `touch '${pwned}'; false`);
    plainGitStatus(dir);
    expect(fs.existsSync(pwned)).toBe(true);
    fs.rmSync(pwned);
    expectCleanRun(dir, pwned);
  });

  it('a clean filter, also from a config file the repository config includes', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, '.gitattributes': '*.js filter=evil\n' });
    const pwned = marker();
    const included = path.join(path.dirname(pwned), 'included.gitconfig');
    fs.writeFileSync(included, `[filter "evil"]\n\tclean = touch '${pwned}'; cat\n\trequired = true\n`);
    git(dir, 'config', 'include.path', included);
    touchAll(dir, ['a.js']);
    plainGitStatus(dir);
    expect(fs.existsSync(pwned)).toBe(true);
    fs.rmSync(pwned);
    touchAll(dir, ['a.js']);
    expectCleanRun(dir, pwned);
  });

  it('a post-index-change hook (git status rewrites the index)', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const pwned = marker();
    const hook = path.join(dir, '.git', 'hooks', 'post-index-change');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${pwned}'\n`, { mode: 0o755 });
    touchAll(dir, ['a.js']);
    plainGitStatus(dir);
    expect(fs.existsSync(pwned)).toBe(true);
    fs.rmSync(pwned);
    touchAll(dir, ['a.js']);
    expectCleanRun(dir, pwned);
  });

  it('core.worktree pointing elsewhere does not change which files are listed', () => {
    const elsewhere = makeTree({ 'other.js': CLIENT_JS }, { git: false });
    const dir = makeTree({ 'a.js': CLIENT_JS });
    git(dir, 'config', 'core.worktree', elsewhere);
    const result = run(dir, ['--dry', '--json', '.']);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.js']);
    expect(read(elsewhere, 'other.js')).toBe(CLIENT_JS);
  });
});
