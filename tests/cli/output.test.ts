import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SourceParseError } from '../../src/codemods/api';
import {
  BIN,
  CLIENT_JS,
  PLAIN_JS,
  applied,
  cleanTrees,
  ensureBuilt,
  expected,
  outputLines,
  makeTree,
  read,
  run,
  transformSource,
} from '../helpers/cli-harness';

// Each test spawns the CLI, which loads the TypeScript parser: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

/** Mentions redis, so the transforms must parse it. */
const UNPARSABLE = "const { createClient } = require('redis');\nconst client = createClient(;\n";

/** The `path:line:column: message` line the CLI should print for an unparsable file. */
function parseErrorLine(dir: string, rel: string): string {
  try {
    transformSource(read(dir, rel), path.join(dir, rel), undefined, { cwd: dir });
  } catch (error) {
    if (error instanceof Error && error.name === 'SourceParseError') {
      const e = error as SourceParseError;
      return `${rel}:${e.line}:${e.column}: ${e.message}`;
    }
    throw error;
  }
  throw new Error(`${rel} parsed`);
}

describe('file kinds', () => {
  it('unparsable, empty, binary and non-UTF-8 files; the run carries on', () => {
    const dir = makeTree({
      'a-bad.js': UNPARSABLE,
      'b-empty.js': '',
      'c-binary.js': Buffer.concat([Buffer.from(CLIENT_JS), Buffer.from([0, 1, 2])]),
      'd-latin1.js': Buffer.from('// caf\xe9\nexport {};\n', 'latin1'),
      'e-ok.js': CLIENT_JS,
      'f-plain.ts': PLAIN_JS,
    });
    const errorLine = parseErrorLine(dir, 'a-bad.js');
    const appliedList = applied(dir, 'e-ok.js');
    expect(errorLine).toMatch(/^a-bad\.js:2:\d+: ./);
    const result = run(dir, []);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        errorLine,
        'c-binary.js: skipped (binary)',
        'd-latin1.js: skipped (not UTF-8)',
        `e-ok.js: changed (${appliedList})`,
        'redis-codemod: 6 files scanned, 1 changed, 2 unchanged, 2 skipped (1 binary, 1 not UTF-8), 1 error',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a-bad.js')).toBe(UNPARSABLE);
    expect(read(dir, 'b-empty.js')).toBe('');
    expect(read(dir, 'e-ok.js')).toBe(expected(dir, 'e-ok.js', CLIENT_JS));
  });

  it('a NUL byte after the first 8 KB does not make a file binary', () => {
    const source = `${CLIENT_JS}//${'x'.repeat(9000)}\0\n`;
    const dir = makeTree({ 'a.js': source });
    const result = run(dir, ['--json', '--dry']);
    expect(JSON.parse(result.stdout).files[0].status).not.toBe('skipped');
  });
});

describe('--dry, --print, --diff, --check', () => {
  it('--dry reports what would change and writes nothing', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': PLAIN_JS });
    const result = run(dir, ['--dry']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `a.js: would change (${applied(dir, 'a.js')})\nredis-codemod: 2 files scanned, 1 would change, 1 unchanged, 0 skipped, 0 errors\n`,
    });
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
  });

  it('--print prints the new text of a changed file', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': PLAIN_JS });
    const result = run(dir, ['--print']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected(dir, 'a.js', CLIENT_JS));
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
  });

  it('--print heads each file with its path when several files changed', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'sub/b.mjs': CLIENT_JS });
    const result = run(dir, ['--print']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `==> a.js <==\n${expected(dir, 'a.js', CLIENT_JS)}==> sub/b.mjs <==\n${expected(dir, 'sub/b.mjs', CLIENT_JS)}`,
    );
  });

  it('--diff prints a unified diff with a/ and b/ paths relative to cwd, writes nothing', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS, 'src/b.js': PLAIN_JS, 'src/c.ts': CLIENT_JS });
    const cwd = path.join(dir, 'src');
    const patch = (rel: string): string =>
      createTwoFilesPatch(`a/${rel}`, `b/${rel}`, CLIENT_JS, expected(cwd, rel, CLIENT_JS), undefined, undefined, {
        headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
      });
    const result = run(cwd, ['--diff']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(patch('a.js') + patch('c.ts'));
    expect(result.stdout.startsWith('--- a/a.js\n+++ b/a.js\n@@ ')).toBe(true);
    expect(read(dir, 'src/a.js')).toBe(CLIENT_JS);
    // The diff applies cleanly with git apply.
    fs.writeFileSync(path.join(dir, 'changes.patch'), result.stdout);
    const apply = spawnSync('git', ['apply', '--directory=src', 'changes.patch'], { cwd: dir, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(read(dir, 'src/a.js')).toBe(expected(cwd, 'a.js', CLIENT_JS));
  });

  it('--check exits 1 and names the files that would change', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': PLAIN_JS, 'c.js': CLIENT_JS });
    const list = applied(dir, 'a.js');
    const result = run(dir, ['--check']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `a.js: would change (${list})`,
        `c.js: would change (${list})`,
        'redis-codemod: 3 files scanned, 2 would change, 1 unchanged, 0 skipped, 0 errors',
        'redis-codemod: --check failed: 2 files would change; to apply the changes, run:',
        '  npx redis-codemod a.js c.js',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
  });

  it('--check exits 0 when nothing would change', () => {
    const dir = makeTree({ 'b.js': PLAIN_JS });
    expect(run(dir, ['--check'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'redis-codemod: 1 file scanned, 0 would change, 1 unchanged, 0 skipped, 0 errors\n',
    });
  });

  it('--check with an unparsable file exits 1 even if nothing would change', () => {
    const dir = makeTree({ 'bad.js': UNPARSABLE });
    expect(run(dir, ['--check']).code).toBe(1);
  });
});

describe('--json', () => {
  it('reports every file, skipped sites, errors and the summary on stdout only', () => {
    const dir = makeTree({
      'a.js': CLIENT_JS,
      'bad.js': UNPARSABLE,
      'bin.js': Buffer.from([0x00, 0x01]),
      'plain.js': PLAIN_JS,
      'notes.txt': 'x',
    });
    const a = transformSource(CLIENT_JS, path.join(dir, 'a.js'), undefined, { cwd: dir });
    const [, line, column, message] = /^bad\.js:(\d+):(\d+): (.*)$/.exec(parseErrorLine(dir, 'bad.js'))!;
    const result = run(dir, ['--json', 'a.js', 'bad.js', 'bin.js', 'plain.js', 'notes.txt']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      mode: 'write',
      transforms: ['migrate-legacy-options', 'add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy', 'handle-connect'],
      files: [
        { path: 'a.js', status: 'changed', applied: a.applied, skipped: a.skipped },
        { path: 'bad.js', status: 'error', applied: [], skipped: [], error: { message, line: Number(line), column: Number(column) } },
        { path: 'bin.js', status: 'skipped', applied: [], skipped: [], reason: 'binary' },
        { path: 'plain.js', status: 'unchanged', applied: [], skipped: [] },
        { path: 'notes.txt', status: 'skipped', applied: [], skipped: [], reason: 'unsupported extension' },
      ],
      summary: {
        scanned: 5,
        changed: 1,
        unchanged: 1,
        skipped: 2,
        skippedReasons: { binary: 1, 'unsupported extension': 1 },
        skippedSites: 0,
        errors: 1,
      },
      leftoverTempFiles: [],
      notes: [],
      interrupted: null,
      exitCode: 1,
    });
    expect(read(dir, 'a.js')).toBe(a.output);
  });

  it('--json --check --diff --print carries the diff and new text in the report', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const result = run(dir, ['--json', '--check', '--diff', '--print']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.mode).toBe('check');
    expect(report.files[0].output).toBe(expected(dir, 'a.js', CLIENT_JS));
    expect(report.files[0].diff).toMatch(/^--- a\/a\.js\n\+\+\+ b\/a\.js\n@@ /);
    expect(report.exitCode).toBe(1);
  });

  it('reports the sites a transform had to leave alone (human and JSON)', () => {
    // A client whose options come from elsewhere: the option transforms cannot edit them.
    const source = "const { createClient } = require('redis');\nconst client = createClient(loadOptions());\nclient.connect();\n";
    const dir = makeTree({ 'a.js': source });
    const result = transformSource(source, path.join(dir, 'a.js'), undefined, { cwd: dir });
    const json = JSON.parse(run(dir, ['--json', '--dry']).stdout);
    expect(json.files[0].skipped).toEqual(result.skipped);
    const human = outputLines(run(dir, ['--dry']).stderr);
    for (const site of result.skipped) {
      expect(human).toContain(`a.js:${site.line}:${site.column}: ${site.transform} skipped: ${site.reason}`);
    }
  });
});

describe('workers and progress', () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 70; i++) many[`src/f${String(i).padStart(2, '0')}.js`] = i % 3 === 0 ? PLAIN_JS : CLIENT_JS;
  many['src/bad.js'] = UNPARSABLE;

  it('worker threads give the same report as an in-process run, and write the same files', () => {
    const dir = makeTree(many);
    const inProcess = run(dir, ['--json', '--dry', '--workers', '1']);
    const pooled = run(dir, ['--json', '--dry', '--workers', '3']);
    expect(pooled).toEqual(inProcess);
    expect(JSON.parse(pooled.stdout).summary.scanned).toBe(71);
    const written = run(dir, ['--workers', '2']);
    expect(written.code).toBe(1);
    for (const [rel, source] of Object.entries(many)) {
      if (rel !== 'src/bad.js') expect(read(dir, rel)).toBe(expected(dir, rel, source));
    }
  });

  it('shows no progress line when stderr is not a terminal', () => {
    const dir = makeTree(many);
    const result = run(dir, ['--dry', '--workers', '2']);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr).not.toContain('/71 files');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows a progress line on a terminal, cleared at the end (not with --json)', () => {
    const dir = makeTree(many);
    const inTty = (args: string): string =>
      spawnSync('script', ['-qec', `${process.execPath} ${BIN} ${args} 2>&1 >/dev/null`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
      }).stdout;
    const out = inTty('--dry --workers 2');
    expect(out).toContain('\rredis-codemod: 71/71 files\r\x1b[K');
    expect(out).toContain('redis-codemod: 71 files scanned, ');
    expect(inTty('--dry --json --workers 2')).not.toContain('files\r');
  });
});

describe('file names with control characters', () => {
  it('are quoted in the human report and, as git does, in diff headers; JSON has them as they are', () => {
    const newline = 'a\nb.js';
    const escape = 'c\u001b[31m.js';
    const dir = makeTree({ [newline]: CLIENT_JS, [escape]: CLIENT_JS });
    const appliedList = applied(dir, newline);
    const result = run(dir, ['--dry', '--diff']);
    expect(result.stderr).toBe(
      [
        `"a\\nb.js": would change (${appliedList})`,
        `"c\\u001b[31m.js": would change (${appliedList})`,
        'redis-codemod: 2 files scanned, 2 would change, 0 unchanged, 0 skipped, 0 errors',
        '',
      ].join('\n'),
    );
    // Quoted the way git quotes them, which `git apply` reads back.
    expect(result.stdout.split('\n').filter((line) => /^(---|\+\+\+) /.test(line))).toEqual([
      '--- "a/a\\nb.js"',
      '+++ "b/a\\nb.js"',
      '--- "a/c\\033[31m.js"',
      '+++ "b/c\\033[31m.js"',
    ]);
    const json = JSON.parse(run(dir, ['--dry', '--json']).stdout) as { files: { path: string }[] };
    expect(json.files.map((f) => f.path)).toEqual([newline, escape]);
  });
});
