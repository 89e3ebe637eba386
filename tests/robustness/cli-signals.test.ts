/**
 * The real bin stopped while it writes: SIGINT and SIGTERM end it cleanly (no new file started, the
 * write in progress finished, the files done so far reported, exit 130/143); after SIGKILL every file
 * is either untouched or completely rewritten, and the next run removes the temp files left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanTrees, ensureBuilt, expected, makeTree, run, start } from '../helpers/cli-harness';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt, 300_000);
afterAll(cleanTrees, 120_000);

const FILE_COUNT = 400;
const TEMP_FILE = /\.redis-codemod\.tmp$/;

function clientFile(i: number): string {
  return `const { createClient } = require('redis');\nconst client${i} = createClient();\nclient${i}.connect();\n`;
}

function makeClients(): { dir: string; names: string[] } {
  const files: Record<string, string> = {};
  const names = Array.from({ length: FILE_COUNT }, (_, i) => `src/f${String(i).padStart(3, '0')}.js`);
  names.forEach((name, i) => (files[name] = clientFile(i)));
  return { dir: makeTree(files), names };
}

function countRewritten(dir: string, names: readonly string[]): number {
  return names.filter((name, i) => fs.readFileSync(path.join(dir, name), 'utf8') !== clientFile(i)).length;
}

/** Resolves once more than `before` files differ from what they were: the bin is writing. */
async function writing(dir: string, names: readonly string[], before = 0): Promise<void> {
  while (countRewritten(dir, names) <= before) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Each file is untouched or completely rewritten; returns the rewritten ones. No temp file is left. */
function checkFiles(dir: string, names: readonly string[]): string[] {
  const rewritten = names.filter((name, i) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (text === clientFile(i)) return false;
    expect(text, name).toBe(expected(dir, name, clientFile(i)));
    return true;
  });
  return rewritten;
}

function tempFiles(dir: string): string[] {
  return fs.readdirSync(path.join(dir, 'src')).filter((name) => TEMP_FILE.test(name));
}

describe.each([
  { signal: 'SIGINT' as const, code: 130, workers: '1' },
  { signal: 'SIGTERM' as const, code: 143, workers: '3' },
])('$signal with --workers $workers', ({ signal, code, workers }) => {
  it('stops taking files, finishes the write in progress, reports the files done, exits ' + code, async () => {
    const { dir, names } = makeClients();
    const bin = start(dir, ['--workers', workers, '.']);
    await writing(dir, names);
    bin.child.kill(signal);
    const result = await bin.done;
    expect(result.signal).toBeNull();
    expect(result.code).toBe(code);

    const rewritten = checkFiles(dir, names);
    const lines = result.stderr.split('\n').slice(0, -1);
    const reported = lines.filter((line) => / changed \(/.test(line)).map((line) => line.slice(0, line.indexOf(':')));
    expect(reported.sort()).toEqual(rewritten);
    const unprocessed = FILE_COUNT - rewritten.length;
    expect(unprocessed).toBeGreaterThan(0);
    expect(lines.slice(-2)).toEqual([
      `redis-codemod: ${rewritten.length} file${rewritten.length === 1 ? '' : 's'} scanned, ${rewritten.length} changed, 0 unchanged, 0 skipped, 0 errors`,
      `redis-codemod: interrupted by ${signal}: ${unprocessed} files not processed`,
    ]);
    expect(tempFiles(dir)).toEqual([]);
  });
});

describe('SIGKILL', () => {
  it('leaves every file untouched or complete; the next run removes the temp files left behind', async () => {
    const { dir, names } = makeClients();
    for (let round = 0; round < 3; round++) {
      const bin = start(dir, ['--force', '--workers', '3', '.']);
      await writing(dir, names, countRewritten(dir, names));
      bin.child.kill('SIGKILL');
      expect((await bin.done).signal).toBe('SIGKILL');
      checkFiles(dir, names);
    }
    // Whether a kill caught a write in progress is luck: whatever temp files there are, a run that
    // writes nothing reports them, and one that writes removes them.
    const left = tempFiles(dir);
    const dry = run(dir, ['--dry', '.']);
    for (const name of left) {
      expect(dry.stderr).toContain(`src/${name}: temporary file left by an interrupted run (a run that writes removes it)\n`);
    }
    expect(tempFiles(dir)).toEqual(left);
    const result = run(dir, ['--force', '.']);
    expect(result.code).toBe(0);
    for (const name of left) expect(result.stderr).toContain(`src/${name}: removed (temporary file left by an interrupted run)\n`);
    expect(tempFiles(dir)).toEqual([]);
    expect(checkFiles(dir, names)).toEqual(names);
  });
});
