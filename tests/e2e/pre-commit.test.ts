/**
 * The plugin and `redis-codemod --check` as commit gates, the three ways the README documents:
 * husky + lint-staged, a plain `.git/hooks/pre-commit` script, and the pre-commit framework with a
 * `repo: local` hook. One `npm install` of the packed tarball serves every repo (each repo's
 * `node_modules` is a symlink to it). Also checks the shipped `.pre-commit-hooks.yaml`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  cleanEnv,
  describeRun,
  installProject,
  makeTempDir,
  packTarball,
  read,
  removeTempDirs,
  run,
  writeFiles,
  type RunResult,
} from './support/e2e';

const PRE_COMMIT_MISSING = (() => {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return probe.status === 0 ? undefined : 'the pre-commit framework is not installed (apt-get install -y pre-commit)';
})();

const ESLINT_CONFIG = `import { defineConfig } from 'eslint/config';
import redis from 'eslint-plugin-redis';

export default defineConfig({
  plugins: { redis },
  extends: ['redis/recommended'],
});
`;

/** Unsafe in one way only: no 'error' listener (line 3). */
const UNSAFE_CACHE = `const { createClient } = require('redis');

const client = createClient({ socket: { connectTimeout: 2000 } });

module.exports = client;
`;

const SAFE_ANSWER = 'export const answer = 42;\n';

const LINT_STAGED = {
  '*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}': 'eslint --max-warnings=0 --no-warn-ignored',
};

const PLAIN_HOOK = `#!/bin/sh
# Lint the staged JavaScript and TypeScript files with the project's ESLint.
git diff --cached --name-only --diff-filter=ACM -z -- \\
  '*.js' '*.jsx' '*.mjs' '*.cjs' '*.ts' '*.tsx' '*.mts' '*.cts' |
  xargs -0 -r npx --no-install eslint --max-warnings=0 --no-warn-ignored
`;

const PRE_COMMIT_CONFIG = `repos:
  - repo: local
    hooks:
      - id: eslint
        name: eslint
        entry: npx --no-install eslint --max-warnings=0 --no-warn-ignored
        language: system
        files: \\.(c|m)?[jt]sx?$
      - id: redis-codemod-check
        name: redis-codemod --check
        entry: npx --no-install redis-codemod --check
        language: system
        files: \\.(c|m)?[jt]sx?$
`;

let base: string;
let modules: string;
let preCommitHome: string;

beforeAll(async () => {
  base = makeTempDir('pre-commit');
  const tarball = await packTarball(base);
  const install = path.join(base, 'install');
  fs.mkdirSync(install);
  await installProject(install, {
    'eslint-plugin-redis': `file:${tarball}`,
    eslint: '^10.0.0',
    husky: '^9.0.0',
    'lint-staged': '^16.0.0',
  });
  modules = path.join(install, 'node_modules');
  preCommitHome = path.join(base, 'pre-commit-home');
}, 600_000);

afterAll(() => removeTempDirs());

function env(): NodeJS.ProcessEnv {
  return cleanEnv({ PRE_COMMIT_HOME: preCommitHome });
}

function sh(cwd: string, command: string, args: string[], timeout = 90_000): Promise<RunResult> {
  return run(command, args, { cwd, env: env(), timeout });
}

async function ok(cwd: string, command: string, ...args: string[]): Promise<RunResult> {
  const result = await sh(cwd, command, args);
  expect(result.code, `${command} ${args.join(' ')}: ${describeRun(result)}`).toBe(0);
  return result;
}

/** A git repo whose node_modules is the shared install, with a first commit of `files`. */
async function makeRepo(name: string, files: Record<string, string>): Promise<string> {
  const repo = path.join(base, name);
  fs.mkdirSync(repo);
  fs.symlinkSync(modules, path.join(repo, 'node_modules'), 'dir');
  // Every repo has its own package.json, as Node projects do: it also stops Node's package scope
  // lookup there, so a stray package.json in a parent folder (e.g. /tmp) cannot interfere.
  writeFiles(repo, {
    'package.json': `${JSON.stringify({ name, private: true }, null, 2)}\n`,
    '.gitignore': 'node_modules\n',
    'eslint.config.mjs': ESLINT_CONFIG,
    ...files,
  });
  await ok(repo, 'git', 'init', '-q', '-b', 'main');
  await ok(repo, 'git', 'config', 'user.name', 'E2E Test');
  await ok(repo, 'git', 'config', 'user.email', 'e2e@test.invalid');
  return repo;
}

async function commitCount(repo: string): Promise<number> {
  return Number((await ok(repo, 'git', 'rev-list', '--count', 'HEAD')).stdout.trim());
}

function commit(repo: string, message: string): Promise<RunResult> {
  return sh(repo, 'git', ['commit', '-m', message], 120_000);
}

/**
 * The story every recipe must tell: a safe file commits while an unsafe one sits unstaged; the
 * unsafe file, once staged, is refused with the rule's message and id; after `redis-codemod`
 * and `git add`, it commits.
 */
async function commitGateStory(repo: string, checkOutput: (failed: RunResult) => void = () => {}): Promise<void> {
  const before = await commitCount(repo);
  writeFiles(repo, { 'src/cache.js': UNSAFE_CACHE, 'src/answer.mjs': SAFE_ANSWER });

  await ok(repo, 'git', 'add', 'src/answer.mjs');
  const safe = await commit(repo, 'add answer');
  expect(safe.code, describeRun(safe)).toBe(0);
  expect(await commitCount(repo)).toBe(before + 1);

  await ok(repo, 'git', 'add', 'src/cache.js');
  const failed = await commit(repo, 'add cache');
  expect(failed.code, describeRun(failed)).not.toBe(0);
  expect(failed.output).toContain("This node-redis client has no 'error' listener");
  expect(failed.output).toContain('redis/require-error-listener');
  expect(failed.output).not.toContain('redis/require-connect-timeout');
  checkOutput(failed);
  expect(await commitCount(repo)).toBe(before + 1);
  expect(read(repo, 'src/cache.js')).toBe(UNSAFE_CACHE);

  // The file is staged, so git has it: no --force is needed.
  const codemod = await sh(repo, 'npx', ['--no-install', 'redis-codemod', 'src/cache.js']);
  expect(codemod.code, describeRun(codemod)).toBe(0);
  expect(codemod.stderr).toMatch(/^src\/cache\.js: changed \(add-error-listener\)$/m);
  expect(read(repo, 'src/cache.js')).toContain("client.on('error',");
  await ok(repo, 'git', 'add', 'src/cache.js');

  const passed = await commit(repo, 'add cache');
  expect(passed.code, describeRun(passed)).toBe(0);
  expect(await commitCount(repo)).toBe(before + 2);
  expect((await ok(repo, 'git', 'show', '--name-only', '--format=', 'HEAD')).stdout).toBe('src/cache.js\n');
  expect((await ok(repo, 'git', 'status', '--porcelain')).stdout).toBe('');
}

describe('husky v9 + lint-staged v16', () => {
  it('blocks the unsafe commit and lets the fixed one through', async () => {
    const repo = await makeRepo('husky-lint-staged', {
      'package.json': `${JSON.stringify({ name: 'husky-app', private: true, 'lint-staged': LINT_STAGED }, null, 2)}\n`,
    });
    // `husky init` adds the prepare script, writes .husky/pre-commit and sets core.hooksPath.
    await ok(repo, 'npx', '--no-install', 'husky', 'init');
    expect((JSON.parse(read(repo, 'package.json')) as { scripts: Record<string, string> }).scripts.prepare).toBe('husky');
    expect((await ok(repo, 'git', 'config', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    fs.writeFileSync(path.join(repo, '.husky', 'pre-commit'), 'npx lint-staged\n');
    await ok(repo, 'git', 'add', '-A');
    const first = await commit(repo, 'initial');
    expect(first.code, describeRun(first)).toBe(0);

    await commitGateStory(repo, (failed) => {
      expect(failed.output).toContain('eslint --max-warnings=0 --no-warn-ignored');
      expect(failed.output).toContain('husky - pre-commit script failed');
    });
  });
});

describe('plain .git/hooks/pre-commit script', () => {
  it('blocks the unsafe commit and lets the fixed one through', async () => {
    const repo = await makeRepo('plain-hook', {});
    await ok(repo, 'git', 'add', '-A');
    await ok(repo, 'git', 'commit', '-q', '-m', 'initial');
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, PLAIN_HOOK, { mode: 0o755 });

    await commitGateStory(repo);

    // Deleting a file runs no eslint (nothing staged to lint) and commits.
    await ok(repo, 'git', 'rm', '-q', 'src/answer.mjs');
    const deletion = await commit(repo, 'remove answer');
    expect(deletion.code, describeRun(deletion)).toBe(0);
  });
});

describe.skipIf(PRE_COMMIT_MISSING)(`pre-commit framework, repo: local${PRE_COMMIT_MISSING ? ` (skipped: ${PRE_COMMIT_MISSING})` : ''}`, () => {
  it('blocks the unsafe commit (eslint and redis-codemod --check hooks) and lets the fixed one through', async () => {
    const repo = await makeRepo('pre-commit-framework', { '.pre-commit-config.yaml': PRE_COMMIT_CONFIG });
    await ok(repo, 'git', 'add', '-A');
    await ok(repo, 'git', 'commit', '-q', '-m', 'initial');
    const install = await ok(repo, 'pre-commit', 'install');
    expect(install.stdout).toContain('pre-commit installed at .git/hooks/pre-commit');

    await commitGateStory(repo, (failed) => {
      expect(failed.output).toMatch(/^eslint\.+Failed$/m);
      expect(failed.output).toMatch(/^redis-codemod --check\.+Failed$/m);
      expect(failed.output).toMatch(/^src\/cache\.js: would change \(add-error-listener\)$/m);
    });
  });
});

describe('redis-codemod --check as a pre-commit step', () => {
  it('exits 1 listing the staged unsafe file, and 0 once the codemod has fixed it', async () => {
    const repo = await makeRepo('codemod-check', {});
    await ok(repo, 'git', 'add', '-A');
    await ok(repo, 'git', 'commit', '-q', '-m', 'initial');
    writeFiles(repo, { 'src/cache.js': UNSAFE_CACHE, 'src/answer.mjs': SAFE_ANSWER });
    await ok(repo, 'git', 'add', 'src');
    const staged = (await ok(repo, 'git', 'diff', '--cached', '--name-only', '--diff-filter=ACM')).stdout.trim().split('\n');
    expect(staged).toEqual(['src/answer.mjs', 'src/cache.js']);

    const before = await sh(repo, 'npx', ['--no-install', 'redis-codemod', '--check', ...staged]);
    expect(before.code, describeRun(before)).toBe(1);
    expect(before.stdout).toBe('');
    expect(before.stderr.split('\n').filter((l) => l.includes(': would change'))).toEqual([
      'src/cache.js: would change (add-error-listener)',
    ]);
    expect(read(repo, 'src/cache.js')).toBe(UNSAFE_CACHE);

    // The command --check prints, run as printed.
    const printed = /to apply the changes, run:\n {2}(.*)$/m.exec(before.stderr)?.[1];
    expect(printed).toBe('npx redis-codemod src/cache.js');
    await ok(repo, 'sh', '-c', printed!);
    const after = await sh(repo, 'npx', ['--no-install', 'redis-codemod', '--check', ...staged]);
    expect(after.code, describeRun(after)).toBe(0);
    expect(after.stderr).not.toContain(': would change');
  });
});

describe('a refused commit in a git worktree, with a global excludes file', () => {
  const HOOK = `#!/bin/sh
files=$(git diff --cached --name-only --diff-filter=ACM -- '*.js' '*.mjs' '*.cjs' '*.ts')
[ -z "$files" ] && exit 0
exec npx --no-install redis-codemod --check $files
`;

  it('runs the command --check prints, git add, commit: no --force, and the excluded file is never touched', async () => {
    const excludes = path.join(base, 'global-excludes');
    const globalConfig = path.join(base, 'global.gitconfig');
    fs.writeFileSync(excludes, 'generated/\n');
    fs.writeFileSync(globalConfig, `[core]\n\texcludesFile = ${excludes}\n`);
    const exec = (cwd: string, command: string, ...args: string[]) =>
      run(command, args, { cwd, env: cleanEnv({ PRE_COMMIT_HOME: preCommitHome, GIT_CONFIG_GLOBAL: globalConfig }), timeout: 120_000 });
    const expectOk = async (cwd: string, command: string, ...args: string[]) => {
      const result = await exec(cwd, command, ...args);
      expect(result.code, `${command} ${args.join(' ')}: ${describeRun(result)}`).toBe(0);
      return result;
    };

    const repo = await makeRepo('worktree-main', {});
    await expectOk(repo, 'git', 'add', '-A');
    await expectOk(repo, 'git', 'commit', '-q', '-m', 'initial');
    writeFiles(repo, { '.git/hooks/pre-commit': HOOK });
    fs.chmodSync(path.join(repo, '.git/hooks/pre-commit'), 0o755);
    const tree = path.join(base, 'worktree-feature');
    await expectOk(repo, 'git', 'worktree', 'add', '-q', '-b', 'feature', tree);
    expect(fs.statSync(path.join(tree, '.git')).isFile()).toBe(true);
    fs.symlinkSync(modules, path.join(tree, 'node_modules'), 'dir');
    writeFiles(tree, { 'src/cache.js': UNSAFE_CACHE, 'generated/client.js': UNSAFE_CACHE });

    await expectOk(tree, 'git', 'add', 'src/cache.js');
    const refused = await exec(tree, 'git', 'commit', '-m', 'add cache');
    expect(refused.code, describeRun(refused)).not.toBe(0);
    const printed = /to apply the changes, run:\n {2}(.*)$/m.exec(refused.output)?.[1];
    expect(printed).toBe('npx redis-codemod src/cache.js');

    const fixed = await expectOk(tree, 'sh', '-c', printed!);
    expect(fixed.stderr).toMatch(/^src\/cache\.js: changed \(add-error-listener\)$/m);
    await expectOk(tree, 'git', 'add', 'src/cache.js');
    await expectOk(tree, 'git', 'commit', '-q', '-m', 'add cache');

    // The whole worktree is clean for --check: the globally excluded file is not listed, nor changed.
    const check = await expectOk(tree, 'npx', '--no-install', 'redis-codemod', '--check', '.');
    expect(check.stderr).not.toContain('generated/client.js');
    expect(read(tree, 'generated/client.js')).toBe(UNSAFE_CACHE);
    expect((await expectOk(tree, 'git', 'status', '--porcelain')).stdout).toBe('');
  });

  it('still refuses to write a file with unstaged changes, naming it', async () => {
    const repo = await makeRepo('unstaged-edit', { 'src/cache.js': UNSAFE_CACHE });
    await ok(repo, 'git', 'add', '-A');
    await ok(repo, 'git', 'commit', '-q', '-m', 'initial');
    fs.appendFileSync(path.join(repo, 'src/cache.js'), '// an edit not staged yet\n');
    const refused = await sh(repo, 'npx', ['--no-install', 'redis-codemod', 'src/cache.js']);
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(refused.stderr).toContain(' M src/cache.js');
    expect(read(repo, 'src/cache.js')).toBe(`${UNSAFE_CACHE}// an edit not staged yet\n`);
  });
});

describe('.pre-commit-hooks.yaml (for users of the pre-commit framework)', () => {
  interface ManifestHook {
    id: string;
    name: string;
    entry: string;
    args?: string[];
    language: string;
    types_or?: string[];
    pass_filenames?: boolean;
  }

  it('is valid YAML with the redis-eslint and redis-codemod-check hooks', () => {
    // js-yaml is in the dev tree through cosmiconfig (eslint-doc-generator).
    const yaml = createRequire(path.join(ROOT, 'package.json'))('js-yaml') as { load: (text: string) => unknown };
    const hooks = yaml.load(read(ROOT, '.pre-commit-hooks.yaml')) as ManifestHook[];
    expect(hooks.map((h) => h.id)).toEqual(['redis-eslint', 'redis-codemod-check']);
    const [eslint, check] = hooks;
    expect(eslint).toMatchObject({
      entry: 'npx --no-install eslint',
      args: ['--max-warnings=0', '--no-warn-ignored'],
      language: 'system',
      types_or: ['javascript', 'jsx', 'ts', 'tsx'],
    });
    expect(check).toMatchObject({
      entry: 'npx --no-install redis-codemod --check',
      language: 'system',
      types_or: ['javascript', 'jsx', 'ts', 'tsx'],
      pass_filenames: true,
    });
    // The entries name bins that the package ships or depends on.
    const pkg = JSON.parse(read(ROOT, 'package.json')) as {
      bin: Record<string, string>;
      files: string[];
      peerDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.bin)).toContain('redis-codemod');
    expect(Object.keys(pkg.peerDependencies)).toContain('eslint');
    expect(pkg.files).toContain('.pre-commit-hooks.yaml');
  });

  it.skipIf(PRE_COMMIT_MISSING)('passes `pre-commit validate-manifest`', async () => {
    const result = await run('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], {
      cwd: ROOT,
      env: env(),
      timeout: 60_000,
    });
    expect(result.code, describeRun(result)).toBe(0);
  });

  it.skipIf(PRE_COMMIT_MISSING)('works as a remote hook repository: blocks the unsafe commit, passes the fixed one', async () => {
    // A repository holding the shipped manifest stands in for the GitHub repository.
    const hooksRepo = path.join(base, 'hooks-repo');
    fs.mkdirSync(hooksRepo);
    fs.copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hooksRepo, '.pre-commit-hooks.yaml'));
    await ok(hooksRepo, 'git', 'init', '-q', '-b', 'main');
    await ok(hooksRepo, 'git', 'add', '-A');
    await ok(hooksRepo, 'git', '-c', 'user.name=E2E', '-c', 'user.email=e2e@test.invalid', 'commit', '-q', '-m', 'hooks');
    const rev = (await ok(hooksRepo, 'git', 'rev-parse', 'HEAD')).stdout.trim();

    const repo = await makeRepo('pre-commit-remote', {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hooksRepo}\n    rev: ${rev}\n    hooks:\n      - id: redis-eslint\n      - id: redis-codemod-check\n`,
    });
    await ok(repo, 'git', 'add', '-A');
    await ok(repo, 'git', 'commit', '-q', '-m', 'initial');
    await ok(repo, 'pre-commit', 'install');

    await commitGateStory(repo, (failed) => {
      expect(failed.output).toMatch(/^eslint \(eslint-plugin-redis\)\.+Failed$/m);
      expect(failed.output).toMatch(/^redis-codemod --check\.+Failed$/m);
      expect(failed.output).toMatch(/^src\/cache\.js: would change \(add-error-listener\)$/m);
    });
  });
});
