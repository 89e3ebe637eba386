import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TRANSFORM_NAMES } from '../../src/codemods/api';
import { codemodOptions, SAFEGUARDS } from '../../src/core/safeguards';
import { CLIENT_JS, ROOT, applied, cleanTrees, ensureBuilt, expected, makeTree, read, run } from '../helpers/cli-harness';

// Each test spawns the CLI, which loads the TypeScript parser: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const usage = (message: string): string => `redis-codemod: ${message}\nRun 'redis-codemod --help' for usage.\n`;

describe('--help and --version', () => {
  it('--help documents every flag, the transforms, the exit codes and examples', () => {
    const dir = makeTree({}, { git: false });
    const result = run(dir, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const flag of [
      '--transform <name>',
      '--dry',
      '--print',
      '--diff',
      '--check',
      '--json',
      '--force',
      '--error-handler <src>',
      '--connect-timeout <ms>',
      '--max-retries <n>',
      '--client-module <name>',
      '--test-file-patterns <glob>',
      '--workers <n>',
      '--allow-outside-git',
      '--max-file-size <size>',
      '--max-memory <MB>',
      '--file-timeout <s>',
      '-h, --help',
      '-v, --version',
    ]) {
      expect(result.stdout).toContain(`  ${flag} `);
    }
    for (const { transform, summary, optIn } of SAFEGUARDS) {
      const line = `${optIn ? 'opt-in: ' : ''}${summary}`;
      expect(result.stdout).toMatch(new RegExp(`\\n  ${transform} +${escapeRegExp(line)}\\n`));
    }
    // The codemod options' flags are the registry's names.
    for (const spec of codemodOptions()) {
      expect(result.stdout).toContain(`  --${spec.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${spec.placeholder} `);
    }
    expect(result.stdout).toMatch(/^Usage: redis-codemod \[options\] \[paths\.\.\.\]\n/);
    expect(result.stdout).toContain('Exit codes:\n  0    success');
    expect(result.stdout).toContain('\n  1    ');
    expect(result.stdout).toContain('\n  2    usage error');
    expect(result.stdout).toContain('\n  130  interrupted by SIGINT (143: by SIGTERM)\n');
    expect(result.stdout).toContain('Examples:\n  redis-codemod src ');
    expect(run(dir, ['-h']).stdout).toBe(result.stdout);
  });

  it('--help with paths and other flags only prints help; an unknown flag is still an error', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS }, { git: false });
    expect(run(dir, ['--dry', '--help', '.']).code).toBe(0);
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
    expect(run(dir, ['--bogus', '--help']).code).toBe(2);
  });

  it('--version prints the package version', () => {
    const dir = makeTree({}, { git: false });
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(dir, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(run(dir, ['-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2 with a clear message and change nothing', () => {
  const cases: [string[], string][] = [
    [['--bogus'], usage("unknown option '--bogus'")],
    [['-x'], usage("unknown option '-x'")],
    [['--dry=yes'], usage("option '--dry' does not take a value")],
    [['--connect-timeout'], usage("option '--connect-timeout' needs a value")],
    [['--connect-timeout', '--dry'], usage("option '--connect-timeout' needs a value")],
    [['--connect-timeout='], usage("option '--connect-timeout' needs a value")],
    [['--connect-timeout', '0'], usage("--connect-timeout must be a positive integer, got '0'")],
    [['--connect-timeout', '1.5'], usage("--connect-timeout must be a positive integer, got '1.5'")],
    [['--connect-timeout=ten'], usage("--connect-timeout must be a positive integer, got 'ten'")],
    [['--max-retries', '-3'], usage("option '--max-retries' needs a value")],
    [['--max-retries', '0'], usage("--max-retries must be a positive integer, got '0'")],
    [['--workers', '0'], usage("--workers must be a positive integer, got '0'")],
    [['--error-handler'], usage("option '--error-handler' needs a value")],
    [['--client-module'], usage("option '--client-module' needs a value")],
    [['--test-pattern'], usage("option '--test-pattern' needs a value")],
    [['--test-file-patterns='], usage("option '--test-file-patterns' needs a value")],
    [['--workers', '2', '--workers='], usage("option '--workers' needs a value")],
    [
      ['--transform', 'add-error-listener', '--transform', 'nope'],
      usage(`unknown transform 'nope'; valid transforms: ${TRANSFORM_NAMES.join(', ')}`),
    ],
    [['--transform'], usage("option '--transform' needs a value")],
    [['--redis-version', 'next'], usage("redis version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. 4.5.0), got next")],
    [['--max-file-size', '2XB'], usage("--max-file-size must be a size such as 500KB or 2MB, got '2XB'")],
    [['--max-file-size', '0'], usage("--max-file-size must be a size such as 500KB or 2MB, got '0'")],
    [['--max-memory', '1.5'], usage("--max-memory must be a positive integer, got '1.5'")],
    [['--file-timeout', '0'], usage("--file-timeout must be a positive number, got '0'")],
    [['--file-timeout', 'soon'], usage("--file-timeout must be a positive number, got 'soon'")],
    [['missing.js'], usage('path not found: missing.js')],
    [['.', 'missing-dir/'], usage('path not found: missing-dir/')],
  ];
  for (const [args, stderr] of cases) {
    it(`redis-codemod ${args.join(' ')}`, () => {
      const dir = makeTree({ 'a.js': CLIENT_JS });
      expect(run(dir, args)).toEqual({ code: 2, stdout: '', stderr });
      expect(read(dir, 'a.js')).toBe(CLIENT_JS);
    });
  }

  it('a symlink loop named on the command line is a usage error that says so; a dangling one is not found', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    fs.symlinkSync('loop-b.js', path.join(dir, 'loop-a.js'));
    fs.symlinkSync('loop-a.js', path.join(dir, 'loop-b.js'));
    fs.symlinkSync('nowhere.js', path.join(dir, 'dangling.js'));
    expect(run(dir, ['loop-a.js'])).toEqual({ code: 2, stdout: '', stderr: usage('symlink loop: loop-a.js') });
    expect(run(dir, ['dangling.js'])).toEqual({ code: 2, stdout: '', stderr: usage('path not found: dangling.js') });
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
  });

  it('an --error-handler that does not parse is a usage error', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const result = run(dir, ['--error-handler', '(err) => {']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^redis-codemod: (invalid --error-handler: )?.*--error-handler.*\nRun 'redis-codemod --help' for usage\.\n$/,
    );
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
  });
});

describe('codemod options are passed to the transforms', () => {
  const variants: [string, string[], Parameters<typeof expected>[3]][] = [
    ['--error-handler', ['--error-handler', '(err) => logger.warn(err)'], { errorHandler: '(err) => logger.warn(err)' }],
    ['--connect-timeout', ['--connect-timeout', '4321'], { connectTimeout: 4321 }],
    ['--max-retries', ['--max-retries=7'], { maxRetries: 7 }],
    ['--test-file-patterns', ['--test-file-patterns', '**/*.spec.js', '--test-file-patterns=e2e/**'], { testFilePatterns: ['**/*.spec.js', 'e2e/**'] }],
    ['--test-pattern (old name)', ['--test-pattern', '**/*.spec.js', '--test-pattern', 'e2e/**'], { testFilePatterns: ['**/*.spec.js', 'e2e/**'] }],
  ];
  for (const [flag, args, options] of variants) {
    it(flag, () => {
      const dir = makeTree({ 'src/a.js': CLIENT_JS });
      const result = run(dir, [...args, 'src']);
      expect(result.code).toBe(0);
      expect(read(dir, 'src/a.js')).toBe(expected(dir, 'src/a.js', CLIENT_JS, options));
      expect(read(dir, 'src/a.js')).not.toBe(CLIENT_JS);
    });
  }

  it('--error-handler and --connect-timeout show up in the output', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    expect(run(dir, ['--error-handler', '(e) => myLogger.error(e)', '--connect-timeout', '4321']).code).toBe(0);
    expect(read(dir, 'a.js')).toContain('myLogger.error');
    expect(read(dir, 'a.js')).toContain('4321');
  });

  it('--client-module (repeatable) makes re-exported factories count', () => {
    const source = "const { createClient } = require('@acme/redis');\nconst client = createClient();\nclient.connect();\n";
    const dir = makeTree({ 'a.js': source });
    expect(run(dir, ['--check']).code).toBe(0);
    const result = run(dir, ['--client-module', 'other-module', '--client-module', '@acme/redis']);
    expect(result.code).toBe(0);
    expect(read(dir, 'a.js')).toBe(
      expected(dir, 'a.js', source, { clientModules: ['other-module', '@acme/redis'] }),
    );
    expect(read(dir, 'a.js')).not.toBe(source);
  });

  it('--transform runs only the named transforms', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const result = run(dir, ['--transform', 'add-error-listener', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).transforms).toEqual(['add-error-listener']);
    expect(JSON.parse(result.stdout).files[0].applied).toEqual(['add-error-listener']);
    expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS, {}, ['add-error-listener']));
  });

  it('options may come after the paths, and -- ends the options', () => {
    const dir = makeTree({ '--odd.js': CLIENT_JS, 'b.js': CLIENT_JS });
    const result = run(dir, ['b.js', '--dry', '--', '--odd.js']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        'b.js: would change (' + applied(dir, 'b.js') + ')',
        '--odd.js: would change (' + applied(dir, '--odd.js') + ')',
        'redis-codemod: 2 files scanned, 2 would change, 0 unchanged, 0 skipped, 0 errors',
        '',
      ].join('\n'),
    );
  });
});
