/**
 * One file must never end a run: files over --max-file-size are skipped unread, and a file parsed on a
 * worker thread that runs out of heap (--max-memory) or time (--file-timeout) is skipped while a fresh
 * thread carries on with the others.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_JS, PLAIN_JS, applied, cleanTrees, ensureBuilt, listing, makeTree, read, run } from '../helpers/cli-harness';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

const MB = 1024 * 1024;
/** Over 64 KB, so it is parsed on a thread even in a small run; mostly comments, so cheap to parse. */
const MID_JS = CLIENT_JS + `// ${'x'.repeat(100)}\n`.repeat(700);
/** 900 KB of statements: parsing it needs far more than a 96 MB heap. */
const DENSE_JS = CLIENT_JS + 'x;\n'.repeat(300_000);

describe('--max-file-size', () => {
  it('skips larger files unread (default 1 MB), says how to raise the limit, and carries on', () => {
    const big = CLIENT_JS + ' '.repeat(MB + 1 - CLIENT_JS.length);
    const dir = makeTree({ 'a-big.js': big, 'b.js': CLIENT_JS, 'c-plain-big.js': PLAIN_JS.padEnd(MB + 1) });
    const appliedList = applied(dir, 'b.js');
    const result = run(dir, []);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'a-big.js: skipped (larger than 1 MB)',
        `b.js: changed (${appliedList})`,
        'c-plain-big.js: skipped (larger than 1 MB)',
        'redis-codemod: 3 files scanned, 1 changed, 0 unchanged, 2 skipped (2 larger than 1 MB), 0 errors',
        'redis-codemod: to process files larger than 1 MB, raise --max-file-size',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a-big.js')).toBe(big);
  });

  it('takes bytes, KB and MB; a file exactly at the limit is processed', () => {
    const dir = makeTree({ 'at.js': CLIENT_JS, 'over.js': `${CLIENT_JS} ` });
    const size = Buffer.byteLength(CLIENT_JS);
    const bytes = run(dir, ['--dry', '--max-file-size', String(size)]);
    expect(bytes.stderr).toBe(
      [
        `at.js: would change (${applied(dir, 'at.js')})`,
        `over.js: skipped (larger than ${size} bytes)`,
        `redis-codemod: 2 files scanned, 1 would change, 0 unchanged, 1 skipped (1 larger than ${size} bytes), 0 errors`,
        `redis-codemod: to process files larger than ${size} bytes, raise --max-file-size`,
        '',
      ].join('\n'),
    );
    const kb = run(dir, ['--dry', '--json', '--max-file-size=0.05kb']);
    expect(JSON.parse(kb.stdout).summary.skippedReasons).toEqual({ 'larger than 51 bytes': 2 });
    const mb = run(dir, ['--dry', '--json', '--max-file-size', '2MB']);
    expect(JSON.parse(mb.stdout).summary.changed).toBe(2);
  });
});

describe('worker threads with a heap limit and a time budget', () => {
  it('a file that runs out of memory is skipped; a fresh thread processes the next large file', () => {
    const dir = makeTree({ 'a-dense.js': DENSE_JS, 'b-mid.js': MID_JS, 'c-small.js': CLIENT_JS });
    const appliedList = applied(dir, 'c-small.js');
    const result = run(dir, ['--max-memory', '96']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'a-dense.js: skipped (ran out of memory (limit 96 MB))',
        `b-mid.js: changed (${appliedList})`,
        `c-small.js: changed (${appliedList})`,
        'redis-codemod: 3 files scanned, 2 changed, 0 unchanged, 1 skipped (1 ran out of memory (limit 96 MB)), 0 errors',
        'redis-codemod: to process files that ran out of memory, raise --max-memory',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a-dense.js')).toBe(DENSE_JS);
    expect(listing(dir)).toEqual(['.git', 'a-dense.js', 'b-mid.js', 'c-small.js']);
  });

  it('a file over its time budget is skipped; files of 64 KB or less stay on the main thread, without a budget', () => {
    // 1 ms is less than a thread needs to start: every file sent to a thread runs out of time.
    const dir = makeTree({ 'a-mid.js': MID_JS, 'b-mid.js': MID_JS, 'c-small.js': CLIENT_JS });
    const appliedList = applied(dir, 'c-small.js');
    const result = run(dir, ['--file-timeout', '0.001']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: [
        'a-mid.js: skipped (took longer than 0.001 s)',
        'b-mid.js: skipped (took longer than 0.001 s)',
        `c-small.js: changed (${appliedList})`,
        'redis-codemod: 3 files scanned, 1 changed, 0 unchanged, 2 skipped (2 took longer than 0.001 s), 0 errors',
        'redis-codemod: to process files that took longer than 0.001 s, raise --file-timeout',
        '',
      ].join('\n'),
    });
    expect(read(dir, 'a-mid.js')).toBe(MID_JS);
    expect(listing(dir)).toEqual(['.git', 'a-mid.js', 'b-mid.js', 'c-small.js']);
  });

  it('in a run with many files, the threads work under the same limits', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`f${String(i).padStart(2, '0')}.js`] = CLIENT_JS;
    const dir = makeTree(files);
    const result = run(dir, ['--dry', '--json', '--workers', '2', '--file-timeout', '0.001']);
    const report = JSON.parse(result.stdout) as { summary: { skipped: number; skippedReasons: Record<string, number> } };
    // The main thread takes its share of the small files; each thread's first file runs out of time.
    expect(report.summary.skippedReasons).toEqual({ 'took longer than 0.001 s': report.summary.skipped });
    expect(report.summary.skipped).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
