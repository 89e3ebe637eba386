import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { processFile } from '../../src/cli/process-file';
import { WriteError, rewriteFile } from '../../src/cli/write';
import {
  CLIENT_JS,
  PLAIN_JS,
  applied,
  cleanTrees,
  ensureBuilt,
  expected,
  git,
  IS_ROOT,
  isChattrAvailable,
  listing,
  makeTree,
  processConfigIn,
  NOBODY,
  read,
  run,
  whyNoUnprivilegedRun,
} from '../helpers/cli-harness';

// Each test spawns the CLI, which loads the TypeScript parser: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

const REFUSAL_TAIL = [
  "Stage (git add), commit or stash them first, so that the codemod's changes can be reviewed and undone",
  'with git; or preview with --dry, --diff or --check; or pass --force to write anyway.',
  '',
].join('\n');

describe('writing', () => {
  it('rewrites changed files in place, keeps unchanged files and modes, exits 0', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS, 'src/b.ts': CLIENT_JS, 'src/plain.js': PLAIN_JS, 'src/empty.js': '' });
    fs.chmodSync(path.join(dir, 'src/a.js'), 0o755);
    fs.chmodSync(path.join(dir, 'src/b.ts'), 0o640);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'modes');
    const plainStat = fs.statSync(path.join(dir, 'src/plain.js'));
    const appliedList = applied(dir, 'src/a.js');
    const result = run(dir, ['src']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        `src/a.js: changed (${appliedList})`,
        `src/b.ts: changed (${appliedList})`,
        'redis-codemod: 4 files scanned, 2 changed, 2 unchanged, 0 skipped, 0 errors',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'src/a.js')).toBe(expected(dir, 'src/a.js', CLIENT_JS));
    expect(read(dir, 'src/b.ts')).toBe(expected(dir, 'src/b.ts', CLIENT_JS));
    expect(read(dir, 'src/a.js')).not.toBe(CLIENT_JS);
    expect(fs.statSync(path.join(dir, 'src/a.js')).mode & 0o7777).toBe(0o755);
    expect(fs.statSync(path.join(dir, 'src/b.ts')).mode & 0o7777).toBe(0o640);
    expect(read(dir, 'src/empty.js')).toBe('');
    expect(fs.statSync(path.join(dir, 'src/plain.js')).mtimeMs).toBe(plainStat.mtimeMs);
    expect(listing(path.join(dir, 'src'))).toEqual(['a.js', 'b.ts', 'empty.js', 'plain.js']);
    // A second run finds nothing left to do.
    expect(run(dir, ['src', '--check']).code).toBe(0);
  });

  it('keeps a BOM and CRLF line endings byte for byte', () => {
    const source = `\uFEFF${CLIENT_JS.replaceAll('\n', '\r\n')}`;
    const dir = makeTree({ 'a.js': source });
    expect(run(dir, []).code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'a.js'));
    expect(bytes).toEqual(Buffer.from(expected(dir, 'a.js', source), 'utf8'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).not.toMatch(/[^\r]\n/);
  });
});

describe('uncommitted changes', () => {
  it('refuses to write when a target file has unstaged changes, exit 2', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS, 'src/b.js': CLIENT_JS });
    fs.appendFileSync(path.join(dir, 'src/b.js'), '// local edit\n');
    expect(run(dir, ['src'])).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'redis-codemod: refusing to write: files it would change have changes git has not staged:',
        '  in .:',
        '     M src/b.js',
        REFUSAL_TAIL,
      ].join('\n'),
    });
    expect(read(dir, 'src/a.js')).toBe(CLIENT_JS);
  });

  it('counts untracked files but not staged ones (safe in the index), and names the work tree relative to cwd', () => {
    const dir = makeTree({ 'repo/src/a.js': CLIENT_JS, 'repo/src/staged.js': PLAIN_JS }, { git: false });
    const repo = path.join(dir, 'repo');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'initial');
    fs.writeFileSync(path.join(repo, 'src/staged.js'), CLIENT_JS);
    git(repo, 'add', 'src/staged.js');
    fs.writeFileSync(path.join(repo, 'src/untracked.js'), CLIENT_JS);
    const result = run(dir, ['repo/src']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'redis-codemod: refusing to write: files it would change have changes git has not staged:',
        '  in repo:',
        '    ?? src/untracked.js',
        REFUSAL_TAIL,
      ].join('\n'),
    );
  });

  it('writes a staged file without --force (the pre-commit flow), and ignores unstaged edits in files it would not change', () => {
    const dir = makeTree({ 'src/staged.js': PLAIN_JS, 'src/edited.js': PLAIN_JS });
    fs.writeFileSync(path.join(dir, 'src/staged.js'), CLIENT_JS);
    git(dir, 'add', 'src/staged.js');
    fs.appendFileSync(path.join(dir, 'src/edited.js'), '// local edit\n');
    const result = run(dir, ['src']);
    expect(result.code).toBe(0);
    expect(read(dir, 'src/staged.js')).toBe(expected(dir, 'src/staged.js', CLIENT_JS));
    expect(read(dir, 'src/edited.js')).toBe(`${PLAIN_JS}// local edit\n`);
  });

  it('ignores uncommitted changes outside the paths it was given', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS, 'other/b.js': PLAIN_JS });
    fs.appendFileSync(path.join(dir, 'other/b.js'), '// local edit\n');
    fs.writeFileSync(path.join(dir, 'untracked.txt'), 'x');
    const result = run(dir, ['src']);
    expect(result.code).toBe(0);
    expect(read(dir, 'src/a.js')).toBe(expected(dir, 'src/a.js', CLIENT_JS));
  });

  it('gitignored files do not make the tree dirty', () => {
    const dir = makeTree({ '.gitignore': '*.log\n', 'a.js': CLIENT_JS });
    fs.writeFileSync(path.join(dir, 'debug.log'), 'x');
    expect(run(dir, []).code).toBe(0);
  });

  it('writes anyway with --force', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    fs.writeFileSync(path.join(dir, 'new.js'), CLIENT_JS);
    const result = run(dir, ['--force']);
    expect(result.code).toBe(0);
    expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
    expect(read(dir, 'new.js')).toBe(expected(dir, 'new.js', CLIENT_JS));
  });

  for (const flag of ['--dry', '--check', '--diff', '--print']) {
    it(`does not check the tree with ${flag} and writes nothing`, () => {
      const dir = makeTree({ 'a.js': CLIENT_JS });
      fs.writeFileSync(path.join(dir, 'new.js'), CLIENT_JS);
      const result = run(dir, [flag]);
      expect(result.code).toBe(flag === '--check' ? 1 : 0);
      expect(read(dir, 'a.js')).toBe(CLIENT_JS);
      expect(read(dir, 'new.js')).toBe(CLIENT_JS);
    });
  }

  it('writes in a folder that is not a git repository only with --allow-outside-git', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS }, { git: false });
    expect(run(dir, [])).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'a.js: skipped (outside a git work tree)',
        'redis-codemod: 1 file scanned, 0 changed, 0 unchanged, 1 skipped (1 outside a git work tree), 0 errors',
        'redis-codemod: files git cannot show a change to were not written; --allow-outside-git writes them',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a.js')).toBe(CLIENT_JS);
    expect(run(dir, ['--allow-outside-git']).code).toBe(0);
    expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
  });
});

describe('files and folders that cannot be read or written', () => {
  const why = whyNoUnprivilegedRun();
  it.skipIf(why !== undefined)(
    `unreadable files and folders and read-only folders are errors; the run carries on (as root: run as nobody)${why ? ` [skipped: ${why}]` : ''}`,
    () => {
      const dir = makeTree({
        'a-ok.js': CLIENT_JS,
        'c-unreadable.js': CLIENT_JS,
        'd-readonly-dir/a.js': CLIENT_JS,
        'e-locked-dir/a.js': CLIENT_JS,
      });
      fs.writeFileSync(path.join(dir, 'e-locked-dir/untracked.js'), CLIENT_JS);
      const expectedOk = expected(dir, 'a-ok.js', CLIENT_JS);
      const appliedList = applied(dir, 'a-ok.js');
      fs.chmodSync(path.join(dir, 'c-unreadable.js'), 0o000);
      fs.chmodSync(path.join(dir, 'e-locked-dir'), 0o000);
      // A folder is made read-only last (its own mode is not tracked by git, so the tree stays clean).
      fs.chmodSync(path.join(dir, 'd-readonly-dir'), 0o555);

      // --force: git itself cannot stat the locked files, which is not what this test is about.
      const result = run(dir, ['--force'], { asUnprivileged: true });
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: [
          `a-ok.js: changed (${appliedList})`,
          'c-unreadable.js: cannot read (EACCES: permission denied)',
          'd-readonly-dir/a.js: cannot write (EACCES: permission denied)',
          // git lists the tracked file but cannot look for untracked ones.
          'e-locked-dir: cannot read folder (EACCES: permission denied)',
          'e-locked-dir/a.js: cannot read (EACCES: permission denied)',
          'redis-codemod: 5 files scanned, 1 changed, 0 unchanged, 0 skipped, 4 errors',
          '',
        ].join('\n'),
      });
      expect(read(dir, 'a-ok.js')).toBe(expectedOk);
      expect(read(dir, 'd-readonly-dir/a.js')).toBe(CLIENT_JS);
      expect(listing(dir)).toEqual(['.git', 'a-ok.js', 'c-unreadable.js', 'd-readonly-dir', 'e-locked-dir']);
      expect(listing(path.join(dir, 'd-readonly-dir'))).toEqual(['a.js']);
    },
  );

  it.skipIf(!isChattrAvailable())('an immutable file (chattr +i, works as root) is an error and stays intact', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': CLIENT_JS });
    expect(spawnSync('chattr', ['+i', path.join(dir, 'b.js')]).status).toBe(0);
    const appliedList = applied(dir, 'a.js');
    const result = run(dir, []);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `a.js: changed (${appliedList})`,
        'b.js: cannot write (EPERM: operation not permitted)',
        'redis-codemod: 2 files scanned, 1 changed, 0 unchanged, 0 skipped, 1 error',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'b.js')).toBe(CLIENT_JS);
    expect(listing(dir)).toEqual(['.git', 'a.js', 'b.js']);
  });

  it.skipIf(!isChattrAvailable())('an immutable folder (chattr +i, works as root): no temp file is left', () => {
    const dir = makeTree({ 'lib/a.js': CLIENT_JS });
    expect(spawnSync('chattr', ['+i', path.join(dir, 'lib')]).status).toBe(0);
    const result = run(dir, []);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'lib/a.js: cannot write (EPERM: operation not permitted)',
        'redis-codemod: 1 file scanned, 0 changed, 0 unchanged, 0 skipped, 1 error',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'lib/a.js')).toBe(CLIENT_JS);
    expect(listing(path.join(dir, 'lib'))).toEqual(['a.js']);
  });
});

describe('what a write keeps', () => {
  const READ_ONLY = 'read-only file, not written (pass --force to write it)';
  const why = whyNoUnprivilegedRun();

  it('a read-only file (no write bit) is not written, even by root; --force writes it and keeps the mode', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': CLIENT_JS });
    fs.chmodSync(path.join(dir, 'b.js'), 0o444);
    const appliedList = applied(dir, 'a.js');
    expect(run(dir, [])).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `a.js: changed (${appliedList})`,
        `b.js: ${READ_ONLY}`,
        'redis-codemod: 2 files scanned, 1 changed, 0 unchanged, 0 skipped, 1 error',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'b.js')).toBe(CLIENT_JS);
    git(dir, 'commit', '-qam', 'a.js done');
    expect(run(dir, ['--force']).code).toBe(0);
    expect(read(dir, 'b.js')).toBe(expected(dir, 'b.js', CLIENT_JS));
    expect(fs.statSync(path.join(dir, 'b.js')).mode & 0o7777).toBe(0o444);
  });

  it.skipIf(why !== undefined)(`the same for an unprivileged user${why ? ` [skipped: ${why}]` : ''}`, () => {
    const dir = makeTree({ 'b.js': CLIENT_JS });
    fs.chmodSync(path.join(dir, 'b.js'), 0o444);
    expect(run(dir, [], { asUnprivileged: true }).stderr).toBe(
      [`b.js: ${READ_ONLY}`, 'redis-codemod: 1 file scanned, 0 changed, 0 unchanged, 0 skipped, 1 error', ''].join('\n'),
    );
    expect(read(dir, 'b.js')).toBe(CLIENT_JS);
  });

  it('hard links: every name sees the new text, the inode stays the same', () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    fs.mkdirSync(path.join(dir, '.elsewhere'));
    fs.linkSync(path.join(dir, 'a.js'), path.join(dir, '.elsewhere', 'link.js'));
    const inode = fs.statSync(path.join(dir, 'a.js')).ino;
    expect(run(dir, ['a.js']).code).toBe(0);
    expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
    expect(read(dir, '.elsewhere/link.js')).toBe(read(dir, 'a.js'));
    expect(fs.statSync(path.join(dir, 'a.js'))).toMatchObject({ ino: inode, nlink: 2 });
    expect(listing(dir)).toEqual(['.elsewhere', '.git', 'a.js']);
  });

  it.skipIf(!IS_ROOT || why !== undefined)(
    `an unprivileged user keeps a file's group, whether or not it may give a new file that group${why ? ` [skipped: ${why}]` : ''}`,
    () => {
      const OTHER_GROUP = 4321;
      const dir = makeTree({ 'a.js': CLIENT_JS, 'setgid/b.js': CLIENT_JS });
      const owners = (): number[][] =>
        ['a.js', 'setgid/b.js'].map((rel) => [fs.statSync(path.join(dir, rel)).uid, fs.statSync(path.join(dir, rel)).gid]);
      const result = run(dir, [], {
        asUnprivileged: true,
        afterChown: () => {
          // a.js: a group nobody is not in (a new file could not get it: written in place).
          fs.chownSync(path.join(dir, 'a.js'), NOBODY, OTHER_GROUP);
          fs.chmodSync(path.join(dir, 'a.js'), 0o664);
          // setgid/: new files get the folder's group, b.js keeps nobody's own (given back with fchown).
          fs.chownSync(path.join(dir, 'setgid'), NOBODY, OTHER_GROUP);
          fs.chmodSync(path.join(dir, 'setgid'), 0o2775);
        },
      });
      expect(result.code).toBe(0);
      expect(read(dir, 'a.js')).toBe(expected(dir, 'a.js', CLIENT_JS));
      expect(read(dir, 'setgid/b.js')).toBe(expected(dir, 'setgid/b.js', CLIENT_JS));
      expect(owners()).toEqual([
        [NOBODY, OTHER_GROUP],
        [NOBODY, NOBODY],
      ]);
      expect(fs.statSync(path.join(dir, 'a.js')).mode & 0o7777).toBe(0o664);
      expect(listing(path.join(dir, 'setgid'))).toEqual(['b.js']);
    },
  );
});

describe('temporary files left by a killed run', () => {
  it('are reported by --dry and removed by a run that writes; those of a live run are left alone', () => {
    const dir = makeTree({ 'src/a.js': CLIENT_JS });
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const dead = `.a.js.${deadPid}.0123abcd.redis-codemod.tmp`;
    const old = `.a.js.${process.pid}.89abcdef.redis-codemod.tmp`;
    const live = `.a.js.${process.pid}.deadbeef.redis-codemod.tmp`;
    for (const name of [dead, old, live]) fs.writeFileSync(path.join(dir, 'src', name), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(dir, 'src', old), twoHoursAgo, twoHoursAgo);
    const appliedList = applied(dir, 'src/a.js');

    const stale = [dead, old].sort();
    expect(run(dir, ['--dry']).stderr).toBe(
      [
        ...stale.map((name) => `src/${name}: temporary file left by an interrupted run (a run that writes removes it)`),
        `src/a.js: would change (${appliedList})`,
        'redis-codemod: 1 file scanned, 1 would change, 0 unchanged, 0 skipped, 0 errors',
        '',
      ].join('\n'),
    );
    expect(listing(path.join(dir, 'src'))).toEqual([dead, old, live, 'a.js'].sort());

    fs.rmSync(path.join(dir, 'src', live)); // a live run's temp file is an uncommitted change
    expect(run(dir, [])).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        ...stale.map((name) => `src/${name}: removed (temporary file left by an interrupted run)`),
        `src/a.js: changed (${appliedList})`,
        'redis-codemod: 1 file scanned, 1 changed, 0 unchanged, 0 skipped, 0 errors',
        '',
      ].join('\n'),
    });
    expect(listing(path.join(dir, 'src'))).toEqual(['a.js']);
  });
});

describe('rewriteFile', () => {
  it('refuses to overwrite a file that changed after it was read', () => {
    const dir = makeTree({ 'a.js': 'old\n' }, { git: false });
    const file = path.join(dir, 'a.js');
    const original = { bytes: fs.readFileSync(file), stat: fs.statSync(file) };
    fs.writeFileSync(file, 'edited meanwhile\n');
    expect(() => rewriteFile(file, Buffer.from('new\n'), original)).toThrow(
      new WriteError('file changed on disk while processing, not written'),
    );
    expect(read(dir, 'a.js')).toBe('edited meanwhile\n');
    expect(listing(dir)).toEqual(['a.js']);
  });

  it('refuses when the file was replaced by a folder, and leaves no temp file', () => {
    const dir = makeTree({ 'a.js': 'old\n' }, { git: false });
    const file = path.join(dir, 'a.js');
    const original = { bytes: fs.readFileSync(file), stat: fs.statSync(file) };
    fs.rmSync(file);
    fs.mkdirSync(file);
    expect(() => rewriteFile(file, Buffer.from('new\n'), original)).toThrow(WriteError);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(listing(dir)).toEqual(['a.js']);
  });

  it('replaces the contents and keeps the mode', () => {
    const dir = makeTree({ 'a.js': 'old\n' }, { git: false });
    const file = path.join(dir, 'a.js');
    fs.chmodSync(file, 0o751);
    const original = { bytes: fs.readFileSync(file), stat: fs.statSync(file) };
    rewriteFile(file, Buffer.from('new\n'), original);
    expect(read(dir, 'a.js')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o751);
    expect(listing(dir)).toEqual(['a.js']);
  });

  it('a file changed on disk during a run is reported as an error and not overwritten', async () => {
    const dir = makeTree({ 'a.js': CLIENT_JS }, { git: false });
    const file = path.join(dir, 'a.js');
    const report = await processFile(
      { path: file, realPath: file },
      processConfigIn(dir, { transforms: ['add-error-listener', 'add-connect-timeout', 'bound-reconnect-strategy'], write: true }),
      {
        begin: () => {
          fs.appendFileSync(file, '// edited meanwhile\n');
          return true;
        },
        end: () => {},
      },
    );
    expect(report.status).toBe('error');
    expect(report.error).toEqual({ message: 'file changed on disk while processing, not written' });
    expect(read(dir, 'a.js')).toBe(`${CLIENT_JS}// edited meanwhile\n`);
  });
});
