/**
 * A write run in a git work tree first previews every file (to ask git only about the files it would
 * change), then writes. The preview keeps each changed file's new text, so writing it transforms nothing
 * again; the file must still be exactly as the preview read it. Run in process, to count the transforms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_JS, PLAIN_JS, cleanTrees, git, makeTree } from '../helpers/cli-harness';
import { main } from '../../src/cli/main';
import { DEFAULT_TRANSFORM_NAMES } from '../../src/codemods/api';

const calls = vi.hoisted(() => ({ files: [] as string[], duringTransform: undefined as ((file: string) => void) | undefined }));

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


let stderr: string[];
beforeEach(() => {
  calls.files = [];
  calls.duringTransform = undefined;
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
});
