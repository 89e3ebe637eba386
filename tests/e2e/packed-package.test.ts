/**
 * The package as users get it: `npm pack`, then `npm install` of the tarball into fresh projects
 * with ESLint 9 and ESLint 10, then the real `eslint` and `redis-codemod` binaries on sample code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  cleanEnv,
  describeRun,
  installProject,
  lintTuples,
  lintedFiles,
  makeTempDir,
  packTarball,
  read,
  removeTempDirs,
  run,
  writeFiles,
} from './support/e2e';
import { rules } from '../../src/rules';
import { JS_FILES, JS_PROBLEMS, SAMPLE_FILES, TS_FILES, TS_PROBLEMS } from './support/samples';

/** Every rule the source exports: the packed package must carry them all. */
const RULE_IDS = Object.keys(rules).sort();

/** The config files users write, each run with `eslint --config <file>`. */
const CONFIG_FILES: Record<string, string> = {
  'eslint.config.mjs': `import { defineConfig } from 'eslint/config';
import redis from 'eslint-plugin-redis';

export default defineConfig({
  plugins: { redis },
  extends: ['redis/recommended'],
});
`,
  'eslint.config.cjs': `const redis = require('eslint-plugin-redis');

module.exports = [redis.configs.recommended];
`,
  'eslint.typescript.config.mjs': `import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import redis from 'eslint-plugin-redis';

export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { plugins: { redis }, extends: ['redis/recommended'] },
]);
`,
  // Only read by ESLint 9 with ESLINT_USE_FLAT_CONFIG=false.
  '.eslintrc.json': `${JSON.stringify(
    {
      root: true,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      extends: ['plugin:redis/legacy-recommended'],
      overrides: [{ files: ['*.mjs', '*.cjs'] }, { files: ['*.ts'], parser: '@typescript-eslint/parser' }],
    },
    null,
    2,
  )}\n`,
  // Type-checked by tsc: the plugin's types must fit ESLint's own config types.
  'typed.config.mts': `import { defineConfig } from 'eslint/config';
import type { ESLint, Linter } from 'eslint';
import redis from 'eslint-plugin-redis';
import addErrorListener from 'eslint-plugin-redis/codemods/add-error-listener';

const plugin: ESLint.Plugin = redis;
const recommended: Linter.Config = redis.configs.recommended;
const namespace: string = redis.meta.namespace;
export const transform: unknown = addErrorListener;

export default defineConfig([
  { plugins: { redis }, extends: ['redis/recommended'] },
  recommended,
  { plugins: { [namespace]: plugin } },
]);
`,
};

interface Scenario {
  config: string;
  problems: [string, number, string][];
  files: string[];
  env?: NodeJS.ProcessEnv;
  majors: number[];
}

const SCENARIOS: Scenario[] = [
  { config: 'eslint.config.mjs', problems: JS_PROBLEMS, files: JS_FILES, majors: [9, 10] },
  { config: 'eslint.config.cjs', problems: JS_PROBLEMS, files: JS_FILES, majors: [9, 10] },
  {
    config: 'eslint.typescript.config.mjs',
    problems: [...JS_PROBLEMS, ...TS_PROBLEMS],
    files: [...JS_FILES, ...TS_FILES].sort(),
    majors: [9, 10],
  },
  {
    config: '.eslintrc.json',
    problems: [...JS_PROBLEMS, ...TS_PROBLEMS],
    files: [...JS_FILES, ...TS_FILES].sort(),
    env: { ESLINT_USE_FLAT_CONFIG: 'false' },
    majors: [9],
  },
];

const projects = new Map<number, string>();
let work: string;

beforeAll(async () => {
  work = makeTempDir('packed');
  const tarball = await packTarball(work);
  const common = {
    'eslint-plugin-redis': `file:${tarball}`,
    '@typescript-eslint/parser': '^8.0.0',
    typescript: '~5.9.0',
  };
  await Promise.all(
    [9, 10].map(async (major) => {
      const dir = path.join(work, `eslint${major}`);
      fs.mkdirSync(dir);
      // jscodeshift is an optional peer: only the ESLint 10 project has it, the other proves it is optional.
      const jscodeshift: Record<string, string> = major === 10 ? { jscodeshift: '^17.0.0' } : {};
      await installProject(dir, { ...common, ...jscodeshift, eslint: `^${major}.0.0` });
      writeFiles(dir, { ...SAMPLE_FILES, ...CONFIG_FILES });
      projects.set(major, dir);
    }),
  );
}, 900_000);

afterAll(() => removeTempDirs());

function eslint(dir: string, scenario: Scenario) {
  const args = ['--format', 'json', 'src'];
  if (scenario.config !== '.eslintrc.json') args.unshift('--config', scenario.config);
  return run(path.join(dir, 'node_modules', '.bin', 'eslint'), args, {
    cwd: dir,
    env: cleanEnv(scenario.env),
    timeout: 90_000,
  });
}

function npx(dir: string, args: string[]) {
  return run('npx', ['--no-install', ...args], { cwd: dir, timeout: 90_000 });
}

function git(dir: string, ...args: string[]) {
  return run('git', args, { cwd: dir, timeout: 30_000 });
}

describe.each([9, 10])('installed tarball with ESLint %i', (major) => {
  let dir: string;
  beforeAll(() => {
    dir = projects.get(major)!;
  });

  it(`resolves ESLint ${major} and the packed plugin`, () => {
    const eslintVersion = (JSON.parse(read(dir, 'node_modules/eslint/package.json')) as { version: string }).version;
    expect(eslintVersion.split('.')[0]).toBe(String(major));
    expect(fs.existsSync(path.join(dir, 'node_modules/eslint-plugin-redis/src'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'node_modules/.bin/redis-codemod'))).toBe(true);
  });

  const scenarios = SCENARIOS.filter((s) => s.majors.includes(major));

  it.each(scenarios)('$config reports exactly the expected problems and exits 1', async (scenario) => {
    const result = await eslint(dir, scenario);
    expect(result.code, describeRun(result)).toBe(1);
    expect(lintedFiles(result.stdout, dir)).toEqual(scenario.files);
    expect(lintTuples(result.stdout, dir)).toEqual(scenario.problems);
  });

  it('exits 0 and reports nothing on the safe files and the other library', async () => {
    const result = await run(
      path.join(dir, 'node_modules', '.bin', 'eslint'),
      ['--config', 'eslint.typescript.config.mjs', '--format', 'json', 'src/safe.mjs', 'src/safe.ts', 'src/other-library.js'],
      { cwd: dir, timeout: 90_000 },
    );
    expect(result.code, describeRun(result)).toBe(0);
    expect(lintedFiles(result.stdout, dir)).toEqual(['src/other-library.js', 'src/safe.mjs', 'src/safe.ts']);
    expect(lintTuples(result.stdout, dir)).toEqual([]);
  });

  it('require() and import() both give the plugin; the codemod subpath resolves', async () => {
    const cjs = await run(
      'node',
      [
        '-e',
        `const p = require('eslint-plugin-redis');
         const t = require('eslint-plugin-redis/codemods/add-error-listener');
         console.log(JSON.stringify({
           namespace: p.meta.namespace, name: p.meta.name, rules: Object.keys(p.rules).sort(),
           configs: Object.keys(p.configs).sort(), recommendedName: p.configs.recommended.name,
           subpath: require.resolve('eslint-plugin-redis/codemods/add-error-listener'),
           transform: typeof t.default,
         }));`,
      ],
      { cwd: dir, timeout: 30_000 },
    );
    expect(cjs.code, describeRun(cjs)).toBe(0);
    expect(JSON.parse(cjs.stdout)).toEqual({
      namespace: 'redis',
      name: 'eslint-plugin-redis',
      rules: RULE_IDS,
      configs: ['legacy-recommended', 'legacy-strict', 'recommended', 'strict'],
      recommendedName: 'redis/recommended',
      subpath: path.join(dir, 'node_modules/eslint-plugin-redis/dist/codemods/add-error-listener.js'),
      transform: 'function',
    });

    const esm = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        `const { default: p } = await import('eslint-plugin-redis');
         const t = await import('eslint-plugin-redis/codemods/add-error-listener');
         console.log(JSON.stringify({ namespace: p.meta.namespace, rules: Object.keys(p.rules).sort(),
           sameObject: p.configs.recommended.plugins.redis === p, transform: typeof t.default.default }));`,
      ],
      { cwd: dir, timeout: 30_000 },
    );
    expect(esm.code, describeRun(esm)).toBe(0);
    expect(JSON.parse(esm.stdout)).toEqual({ namespace: 'redis', rules: RULE_IDS, sameObject: true, transform: 'function' });
  });

  it("the plugin's types fit ESLint's config types (tsc, nodenext)", async () => {
    const result = await run(
      path.join(dir, 'node_modules', '.bin', 'tsc'),
      ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'typed.config.mts'],
      { cwd: dir, timeout: 120_000 },
    );
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toBe('');
  });

  it.runIf(major === 10)("jscodeshift's own CLI runs a transform module and writes what redis-codemod writes", async () => {
    fs.mkdirSync(path.join(dir, 'jscs'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'src/unsafe.js'), path.join(dir, 'jscs/unsafe.js'));
    const expected = await npx(dir, ['redis-codemod', '--print', '--transform', 'add-connect-timeout', '--connect-timeout', '2500', 'jscs/unsafe.js']);
    expect(expected.code, describeRun(expected)).toBe(0);
    expect(expected.stdout).toContain('connectTimeout: 2500');
    const transform = 'node_modules/eslint-plugin-redis/dist/codemods/add-connect-timeout.js';
    // As the README runs it: --no-babel, or jscodeshift compiles ESLint and TypeScript with Babel first.
    const result = await npx(dir, ['jscodeshift', '--no-babel', '--run-in-band', '--connectTimeout=2500', '-t', transform, 'jscs/unsafe.js']);
    const output = read(dir, 'jscs/unsafe.js');
    fs.rmSync(path.join(dir, 'jscs'), { recursive: true });
    expect(result.code, describeRun(result)).toBe(0);
    expect(output).toBe(expected.stdout);
  });

  it('installs without jscodeshift, an optional peer dependency', () => {
    expect(fs.existsSync(path.join(dir, 'node_modules/jscodeshift'))).toBe(major === 10);
  });

  it('redis-codemod --check exits 1 and lists exactly the unsafe files', async () => {
    const result = await npx(dir, ['redis-codemod', '--check', 'src']);
    expect(result.code, describeRun(result)).toBe(1);
    const listed = result.stderr
      .split('\n')
      .filter((line) => line.includes('would change ('))
      .map((line) => line.slice(0, line.indexOf(':')));
    expect(listed).toEqual(['src/unsafe.js', 'src/unsafe.ts']);
  });

  it('loads TypeScript only for TypeScript: not with the plugin, ESLint on JavaScript, or redis-codemod on a .js file', async () => {
    // TypeScript takes about a second to load: a JavaScript project must never pay for it.
    fs.writeFileSync(
      path.join(dir, 'probe.cjs'),
      `process.on('exit', () => {
        const loaded = Object.keys(require.cache).some((file) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file));
        process.stderr.write('typescript loaded: ' + loaded + '\\n');
      });\n`,
    );
    const probe = (script: string, args: string[]) => run('node', ['-r', './probe.cjs', script, ...args], { cwd: dir, timeout: 90_000 });
    const plugin = await run('node', ['-r', './probe.cjs', '-e', "require('eslint-plugin-redis')"], { cwd: dir, timeout: 30_000 });
    const eslintJs = await probe('node_modules/eslint/bin/eslint.js', ['--config', 'eslint.config.mjs', 'src/unsafe.js']);
    const codemodJs = await probe('node_modules/eslint-plugin-redis/dist/cli/bin.js', ['--dry', 'src/unsafe.js']);
    const codemodTs = await probe('node_modules/eslint-plugin-redis/dist/cli/bin.js', ['--dry', 'src/unsafe.ts']);
    fs.rmSync(path.join(dir, 'probe.cjs'));
    expect(plugin.stderr, describeRun(plugin)).toBe('typescript loaded: false\n');
    expect(eslintJs.code, describeRun(eslintJs)).toBe(1);
    expect(eslintJs.stderr).toBe('typescript loaded: false\n');
    expect(codemodJs.stderr, describeRun(codemodJs)).toMatch(/^src\/unsafe\.js: would change \(.*\n[^]*typescript loaded: false\n$/);
    expect(codemodTs.stderr, describeRun(codemodTs)).toMatch(/^src\/unsafe\.ts: would change \(.*\n[^]*typescript loaded: true\n$/);
  });

  it('after redis-codemod, every config lints clean and --check passes', async () => {
    if (major === 10) {
      // As a user would: a committed git repo, so the codemod runs without --force.
      fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
      for (const args of [
        ['init', '-q', '-b', 'main'],
        ['config', 'user.name', 'E2E Test'],
        ['config', 'user.email', 'e2e@test.invalid'],
        ['add', '-A'],
        ['commit', '-q', '-m', 'initial'],
      ]) {
        const result = await git(dir, ...args);
        expect(result.code, describeRun(result)).toBe(0);
      }
    }
    const untouched = ['src/safe.mjs', 'src/safe.ts', 'src/other-library.js'].map((f) => read(dir, f));

    // The ESLint 9 project is not a git repository: writing there takes --allow-outside-git.
    const codemod = await npx(dir, major === 10 ? ['redis-codemod'] : ['redis-codemod', '--force', '--allow-outside-git', 'src']);
    expect(codemod.code, describeRun(codemod)).toBe(0);
    expect(codemod.stderr).toMatch(/^src\/unsafe\.js: changed \(/m);
    expect(codemod.stderr).toMatch(/^src\/unsafe\.ts: changed \(/m);
    expect(['src/safe.mjs', 'src/safe.ts', 'src/other-library.js'].map((f) => read(dir, f))).toEqual(untouched);
    if (major === 10) {
      const status = await git(dir, 'status', '--porcelain');
      expect(status.stdout).toBe(' M src/unsafe.js\n M src/unsafe.ts\n');
    }

    for (const scenario of scenarios) {
      const result = await eslint(dir, scenario);
      expect(result.code, `${scenario.config}: ${describeRun(result)}`).toBe(0);
      expect(lintedFiles(result.stdout, dir)).toEqual(scenario.files);
      expect(lintTuples(result.stdout, dir), scenario.config).toEqual([]);
    }

    const check = await npx(dir, ['redis-codemod', '--check']);
    expect(check.code, describeRun(check)).toBe(0);
    expect(check.stderr).not.toContain('would change (');
  });
});

describe('package contents (npm pack --dry-run)', () => {
  it('ships the build, docs, README and pre-commit manifest, and no sources, tests or fixtures', async () => {
    const result = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, timeout: 60_000 });
    expect(result.code, describeRun(result)).toBe(0);
    const [{ files }] = JSON.parse(result.stdout) as [{ files: { path: string }[] }];
    const paths = files.map((f) => f.path).sort();

    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        '.pre-commit-hooks.yaml',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/bin.js',
        'dist/codemods/add-error-listener.js',
        'dist/codemods/add-error-listener.d.ts',
        ...RULE_IDS.map((id) => `docs/rules/${id}.md`),
      ]),
    );
    const unexpected = paths.filter(
      (p) => !/^(dist\/.*\.(js|d\.ts)|docs\/.*\.md|README\.md|LICENSE(\.md)?|package\.json|\.pre-commit-hooks\.yaml)$/.test(p),
    );
    expect(unexpected).toEqual([]);
    expect(paths.filter((p) => /(^|\/)(src|tests?|__testfixtures__|fixtures|examples|scripts|bench)\//.test(p))).toEqual([]);
    expect(read(ROOT, 'dist/cli/bin.js').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
