/**
 * A write run in a git work tree first previews every file (to ask git only about the files it would
 * change), then writes. The preview keeps each changed file's new text, so writing it transforms nothing
 * again; the file must still be exactly as the preview read it. Run in process, to count the transforms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_JS, PLAIN_JS, cleanTrees, git, makeTree, processConfigIn } from '../helpers/cli-harness';
import { main } from '../../src/cli/main';
import { processAll } from '../../src/cli/pool';
import { DEFAULT_TRANSFORM_NAMES } from '../../src/codemods/api';

const calls = vi.hoisted(() => ({
  files: [] as string[],
  duringTransform: undefined as ((file: string) => void) | undefined,
  /** Drops every held text, as the pool does past its budget (`MAX_HELD_BYTES`). */
  dropHeld: false,
}));

vi.mock('../../src/codemods/transform-source', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/codemods/transform-source')>();
  return {
    ...original,
    transformSource: (...args: Parameters<typeof original.transformSource>) => {
      calls.files.push(path.basename(args[1]));
      calls.duringTransform?.(args[1]);
      return original.transformSource(...args);
    },
  };
});


vi.mock('../../src/cli/pool', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/cli/pool')>();
  return {
    ...original,
    processAll: async (...args: Parameters<typeof original.processAll>) => {
      const reports = await original.processAll(...args);
      if (calls.dropHeld) for (const report of reports) delete report?.held;
      return reports;
    },
  };
});

let stderr: string[];
beforeEach(() => {
  calls.files = [];
  calls.duringTransform = undefined;
  calls.dropHeld = false;
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());
afterAll(cleanTrees);

describe('a write run in a git work tree', () => {
  it('transforms each file once: the changed file is written with the text its preview made', async () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': PLAIN_JS });
    const { transformSource } = await vi.importActual<typeof import('../../src/codemods/transform-source')>('../../src/codemods/transform-source');
    const expectedOutput = transformSource(CLIENT_JS, path.join(dir, 'a.js'), DEFAULT_TRANSFORM_NAMES, { cwd: dir }).output;

    const code = await main(['.'], dir);

    expect(code, stderr.join('')).toBe(0);
    expect(calls.files.sort()).toEqual(['a.js', 'b.js']);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(expectedOutput);
    expect(fs.readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe(PLAIN_JS);
    expect(git(dir, 'status', '--porcelain')).toBe(' M a.js\n');
  });

  it('does not write a file edited after the preview read it, and says so', async () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const edited = `${CLIENT_JS}// edited meanwhile\n`;
    // The edit lands after the preview read the file, and is staged: git has nothing against writing it.
    calls.duringTransform = (file) => {
      fs.writeFileSync(file, edited);
      git(dir, 'add', 'a.js');
    };

    const code = await main(['.'], dir);

    expect(calls.files).toEqual(['a.js']);
    expect(code).toBe(1);
    expect(stderr.join('')).toContain('a.js: file changed on disk while processing, not written\n');
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(edited);
  });

  it('transforms a changed file again to write it when its held text was dropped (past the budget)', async () => {
    const dir = makeTree({ 'a.js': CLIENT_JS });
    const { transformSource } = await vi.importActual<typeof import('../../src/codemods/transform-source')>('../../src/codemods/transform-source');
    const expectedOutput = transformSource(CLIENT_JS, path.join(dir, 'a.js'), DEFAULT_TRANSFORM_NAMES, { cwd: dir }).output;
    calls.dropHeld = true;

    const code = await main(['.'], dir);

    expect(code, stderr.join('')).toBe(0);
    expect(calls.files).toEqual(['a.js', 'a.js']);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(expectedOutput);
  });
});

describe('the text a preview holds', () => {
  it('is kept up to the budget, in the order the files settle; past it, a report holds nothing', async () => {
    const dir = makeTree({ 'a.js': CLIENT_JS, 'b.js': CLIENT_JS, 'c.js': CLIENT_JS }, { git: false });
    const files = ['a.js', 'b.js', 'c.js'].map((name) => ({ path: path.join(dir, name), realPath: path.join(dir, name) }));
    const config = processConfigIn(dir, { hold: true });
    const run = (maxHeldBytes?: number) =>
      processAll(files, config, { workers: 1, limits: { memoryMb: 512, timeoutMs: 60_000 }, signal: new AbortController().signal, maxHeldBytes });

    const { transformSource } = await vi.importActual<typeof import('../../src/codemods/transform-source')>('../../src/codemods/transform-source');
    const outputs = files.map((file) => transformSource(CLIENT_JS, file.path, DEFAULT_TRANSFORM_NAMES, { cwd: dir }).output);

    const all = await run();
    expect(all.map((report) => report?.status)).toEqual(['changed', 'changed', 'changed']);
    expect(all.map((report) => report?.held?.output)).toEqual(outputs);
    expect(all.map((report) => Buffer.from(report!.held!.original.bytes).toString('utf8'))).toEqual([CLIENT_JS, CLIENT_JS, CLIENT_JS]);
    expect(files.map((file) => fs.readFileSync(file.path, 'utf8'))).toEqual([CLIENT_JS, CLIENT_JS, CLIENT_JS]);

    const held = all[0]!.held!;

    const oneFits = held.output.length + held.original.bytes.byteLength;
    const limited = await run(oneFits);
    expect(limited.map((report) => report?.held !== undefined)).toEqual([true, false, false]);
    expect(limited.map((report) => report?.status)).toEqual(['changed', 'changed', 'changed']);
  });
});
