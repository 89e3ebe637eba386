import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_JS, applied, cleanTrees, ensureBuilt, expected, git, makeTree, read, run } from '../helpers/cli-harness';

// Each test spawns the CLI, which loads the TypeScript parser: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

interface JsonFile {
  path: string;
  status: string;
  reason?: string;
  error?: { message: string };
}

/** `path status` for every file in a --json --dry run. */
function statuses(dir: string, args: string[] = []): string[] {
  const result = run(dir, ['--json', '--dry', ...args]);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { files: JsonFile[] };
  return report.files.map((f) => `${f.path} ${f.status}${f.reason ? ` (${f.reason})` : ''}`);
}

describe('file discovery', () => {
  it('takes every supported extension, in name order, and nothing else', () => {
    const exts = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];
    const files: Record<string, string> = { 'notes.md': CLIENT_JS, 'data.json': '{}', 'x.coffee': CLIENT_JS, 'Makefile': '' };
    for (const ext of exts) files[`src/a.${ext}`] = CLIENT_JS;
    const dir = makeTree(files);
    expect(statuses(dir)).toEqual(['src/a.cjs changed', 'src/a.cts changed', 'src/a.js changed', 'src/a.jsx changed',
      'src/a.mjs changed', 'src/a.mts changed', 'src/a.ts changed', 'src/a.tsx changed']);
  });

  it('defaults to the current folder and relativizes paths to it', () => {
    const dir = makeTree({ 'pkg/src/a.js': CLIENT_JS, 'pkg/b.js': CLIENT_JS, 'c.js': CLIENT_JS });
    expect(statuses(path.join(dir, 'pkg'))).toEqual(['b.js changed', 'src/a.js changed']);
    expect(statuses(path.join(dir, 'pkg'), ['src', '../c.js'])).toEqual(['src/a.js changed', '../c.js changed']);
  });

  it('skips node_modules, build output and hidden folders', () => {
    const files: Record<string, string> = { 'keep.js': CLIENT_JS, '.hidden-file.js': CLIENT_JS };
    for (const folder of ['node_modules', 'dist', 'build', 'out', 'coverage', '.next', '.cache', 'src/node_modules/x', 'src/.git-like']) {
      files[`${folder}/a.js`] = CLIENT_JS;
    }
    const dir = makeTree(files);
    expect(statuses(dir)).toEqual(['.hidden-file.js changed', 'keep.js changed']);
  });

  it('honours .gitignore files up to the git root, nested ones, negations and .git/info/exclude', () => {
    const dir = makeTree({
      '.gitignore': 'ignored.js\ngenerated/\n*.gen.js\n',
      'ignored.js': CLIENT_JS,
      'generated/a.js': CLIENT_JS,
      'pkg/.gitignore': '!keep.gen.js\nlocal-only.js\n/anchored.js\n',
      'pkg/a.gen.js': CLIENT_JS,
      'pkg/keep.gen.js': CLIENT_JS,
      'pkg/local-only.js': CLIENT_JS,
      'pkg/anchored.js': CLIENT_JS,
      'pkg/sub/anchored.js': CLIENT_JS,
      'pkg/sub/ignored.js': CLIENT_JS,
      'pkg/sub/ok.js': CLIENT_JS,
      'other/local-only.js': CLIENT_JS,
    });
    // Untracked: like git, rules never hide a tracked file.
    fs.writeFileSync(path.join(dir, 'excluded.js'), CLIENT_JS);
    fs.appendFileSync(path.join(dir, '.git/info/exclude'), 'excluded.js\n');
    expect(statuses(dir)).toEqual([
      'other/local-only.js changed',
      'pkg/keep.gen.js changed',
      'pkg/sub/anchored.js changed',
      'pkg/sub/ok.js changed',
    ]);
    // Started below the git root, the rules from above still apply.
    expect(statuses(path.join(dir, 'pkg'))).toEqual(['keep.gen.js changed', 'sub/anchored.js changed', 'sub/ok.js changed']);
    expect(statuses(path.join(dir, 'pkg/sub'))).toEqual(['anchored.js changed', 'ok.js changed']);
  });

  it('processes a file named explicitly even if it is gitignored, and a named ignored folder whole (like git add -f)', () => {
    const dir = makeTree({
      '.gitignore': 'ignored.js\ngenerated/\n',
      'ignored.js': CLIENT_JS,
      'generated/a.js': CLIENT_JS,
      'generated/.gitignore': 'b.js\n',
      'generated/b.js': CLIENT_JS,
      'node_modules/dep/index.js': CLIENT_JS,
    });
    expect(statuses(dir, ['ignored.js', 'generated', 'node_modules/dep'])).toEqual([
      'ignored.js changed',
      'generated/a.js changed',
      'generated/b.js changed',
      'node_modules/dep/index.js changed',
    ]);
  });

  it('reports an explicitly named file with an unsupported extension as skipped', () => {
    const dir = makeTree({ 'README.md': CLIENT_JS, 'a.js': CLIENT_JS });
    const result = run(dir, ['README.md', 'a.js', 'README.md']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^README\.md: skipped \(unsupported extension\)\na\.js: changed \(.+\)\nredis-codemod: 2 files scanned, 1 changed, 0 unchanged, 1 skipped \(1 unsupported extension\), 0 errors\n$/,
    );
    expect(read(dir, 'README.md')).toBe(CLIENT_JS);
  });

  it('processes a file once even when named several times or through overlapping paths', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS });
    expect(statuses(dir, ['src', 'src/a.js', './src/a.js', '.'])).toEqual(['src/a.js changed']);
  });

  it('works outside a git repository, honouring the .gitignore files it finds', () => {
    const dir = makeTree({ '.gitignore': 'b.js\n', 'a.js': CLIENT_JS, 'b.js': CLIENT_JS }, { git: false });
    expect(statuses(dir)).toEqual(['a.js changed']);
    expect(run(dir, ['--allow-outside-git']).code).toBe(0);
    expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
    expect(read(dir, 'b.js')).toBe(CLIENT_JS);
  });
});

describe('symlinks', () => {
  it('does not follow a symlink loop', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS });
    fs.symlinkSync('..', path.join(dir, 'src/loop'));
    fs.symlinkSync('.', path.join(dir, 'src/self'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'links');
    expect(statuses(dir)).toEqual(['src/a.js changed']);
    const result = run(dir, []);
    expect(result.code).toBe(0);
    expect(read(dir, 'src/a.js')).toBe(expected(dir, 'src/a.js', CLIENT_JS));
  });

  it('does not follow a symlink to a folder or file outside the target', () => {
    const outside = makeTree({ 'lib/a.js': CLIENT_JS, 'single.js': CLIENT_JS }, { git: false });
    const dir = makeTree({ 'src/own.js': CLIENT_JS });
    fs.symlinkSync(path.join(outside, 'lib'), path.join(dir, 'src/linked-dir'));
    fs.symlinkSync(path.join(outside, 'single.js'), path.join(dir, 'src/linked.js'));
    fs.symlinkSync(path.join(os.tmpdir(), 'does-not-exist.js'), path.join(dir, 'src/dangling.js'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'links');
    const result = run(dir, ['src']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^src\/linked\.js: skipped \(symlink\)\nsrc\/own\.js: changed \(.+\)\nredis-codemod: 2 files scanned, 1 changed, 0 unchanged, 1 skipped \(1 symlink\), 0 errors\n$/,
    );
    expect(read(outside, 'lib/a.js')).toBe(CLIENT_JS);
    expect(read(outside, 'single.js')).toBe(CLIENT_JS);
    expect(fs.lstatSync(path.join(dir, 'src/linked.js')).isSymbolicLink()).toBe(true);
  });

  it('with --allow-outside-git, processes a symlinked file named explicitly, writing through the link and keeping it', () => {
    const outside = makeTree({ 'single.js': CLIENT_JS }, { git: false });
    const dir = makeTree({});
    fs.symlinkSync(path.join(outside, 'single.js'), path.join(dir, 'linked.js'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'link');
    const result = run(dir, ['--allow-outside-git', 'linked.js']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^linked\.js: changed \(.+\)\n/);
    expect(fs.lstatSync(path.join(dir, 'linked.js')).isSymbolicLink()).toBe(true);
    expect(read(outside, 'single.js')).toBe(expected(dir, 'linked.js', CLIENT_JS));
  });
});

describe('listing through git, exactly as git sees the tree', () => {
  it('honours global excludes (core.excludesFile)', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    fs.writeFileSync(path.join(dir, 'secret.js'), CLIENT_JS);
    fs.writeFileSync(path.join(dir, 'global-excludes'), 'secret.js\n');
    // The harness runs the bin with HOME set to the tree.
    fs.writeFileSync(path.join(dir, '.gitconfig'), `[core]\n\texcludesFile = ${path.join(dir, 'global-excludes')}\n`);
    expect(statuses(dir)).toEqual(['a.js changed']);
  });

  it('in a linked worktree (.git is a file), with the main repository\'s info/exclude', () => {
    const dir = makeTree({ 'repo/a.js': CLIENT_JS }, { git: false });
    const repo = path.join(dir, 'repo');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'initial');
    git(repo, 'worktree', 'add', '-q', '-b', 'other', path.join(dir, 'wt'));
    const wt = path.join(dir, 'wt');
    fs.appendFileSync(path.join(repo, '.git/info/exclude'), 'excluded.js\n');
    fs.writeFileSync(path.join(wt, 'excluded.js'), CLIENT_JS);
    fs.writeFileSync(path.join(wt, 'new.js'), CLIENT_JS);
    expect(fs.statSync(path.join(wt, '.git')).isFile()).toBe(true);
    expect(statuses(wt)).toEqual(['a.js changed', 'new.js changed']);
  });

  it('goes into a nested repository, with its own ignore rules', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const nested = path.join(dir, 'vendor', 'lib');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(nested, '.gitignore'), 'generated.js\n');
    fs.writeFileSync(path.join(nested, 'generated.js'), CLIENT_JS);
    fs.writeFileSync(path.join(nested, 'lib.js'), CLIENT_JS);
    git(nested, 'init', '-q', '-b', 'main');
    expect(statuses(dir)).toEqual(['a.js changed', 'vendor/lib/lib.js changed']);
  });

  it('a backtracking .gitignore pattern is matched by git, not by a regular expression per folder', () => {
    // `**/a/**/a/…/b` against a path 34 folders deep: the `ignore` package needed about 7 s to test
    // that one path, and the old walker tested every folder on the way; git listed the tree in about
    // 1 s (its own matcher backtracks too: deeper paths slow it down as well).
    const deep = `${Array.from({ length: 34 }, () => 'a').join('/')}/deep.js`;
    const dir = makeTree({ '.gitignore': `${Array.from({ length: 8 }, () => '**/a').join('/')}/**/b\n`, [deep]: CLIENT_JS });
    expect(statuses(dir)).toEqual([`${deep} changed`]);
  });
});

describe('files git cannot show a change to are written only with --allow-outside-git', () => {
  const HINT = 'redis-codemod: files git cannot show a change to were not written; --allow-outside-git writes them';

  it('a gitignored file or folder named explicitly: skipped when writing, reported by --dry', () => {
    const dir = makeTree({ '.gitignore': 'ignored.js\ngenerated/\n', 'a.js': CLIENT_JS, 'ignored.js': CLIENT_JS, 'generated/g.js': CLIENT_JS });
    const appliedList = applied(dir, 'a.js');
    expect(run(dir, ['a.js', 'ignored.js', 'generated'])).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        `a.js: changed (${appliedList})`,
        'ignored.js: skipped (ignored by git)',
        'generated/g.js: skipped (ignored by git)',
        'redis-codemod: 3 files scanned, 1 changed, 0 unchanged, 2 skipped (2 ignored by git), 0 errors',
        HINT,
        '',
      ].join('\n'),
    });
    expect(read(dir, 'ignored.js')).toBe(CLIENT_JS);
    expect(statuses(dir, ['ignored.js', 'generated'])).toEqual(['ignored.js changed', 'generated/g.js changed']);
    expect(run(dir, ['--allow-outside-git', 'ignored.js', 'generated']).code).toBe(0);
    expect(read(dir, 'ignored.js')).toBe(expected(dir, 'ignored.js', CLIENT_JS));
    expect(read(dir, 'generated/g.js')).toBe(expected(dir, 'generated/g.js', CLIENT_JS));
  });

  it('a symlink named explicitly that leads out of its work tree; one that stays inside is written', () => {
    const outside = makeTree({ 'single.js': CLIENT_JS });
    const dir = makeTree({ 'real.js': CLIENT_JS });
    fs.symlinkSync(path.join(outside, 'single.js'), path.join(dir, 'out.js'));
    fs.symlinkSync('real.js', path.join(dir, 'in.js'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'links');
    const appliedList = applied(dir, 'real.js');
    expect(run(dir, ['out.js', 'in.js'])).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'out.js: skipped (symlink out of its git work tree)',
        `in.js: changed (${appliedList})`,
        'redis-codemod: 2 files scanned, 1 changed, 0 unchanged, 1 skipped (1 symlink out of its git work tree), 0 errors',
        HINT,
        '',
      ].join('\n'),
    });
    expect(read(outside, 'single.js')).toBe(CLIENT_JS);
    expect(read(dir, 'real.js')).toBe(expected(dir, 'in.js', CLIENT_JS));
    expect(fs.lstatSync(path.join(dir, 'in.js')).isSymbolicLink()).toBe(true);
  });
});
