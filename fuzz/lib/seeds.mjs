// The texts the mutations start from: this harness's own seed snippets (fuzz/seeds), the input
// fixtures of the codemod tests (tests/codemods/__testfixtures__) and, when `--seeds DIR` is given,
// the source files under DIR (code this repository has never seen), in a fixed order. The folder
// reaches the worker threads through the environment, which they inherit.
import fs from 'node:fs';
import path from 'node:path';
import { FUZZ_DIR, ROOT } from './paths.mjs';
import { SOURCE_EXTENSIONS } from './languages.mjs';

const SEED_DIR = path.join(FUZZ_DIR, 'seeds');
const FIXTURE_DIR = path.join(ROOT, 'tests', 'codemods', '__testfixtures__');

function filesUnder(dir, accept) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** @returns {{ name: string, ext: string, stem: string, test: boolean, text: string }[]} */
export const EXTRA_SEEDS_VARIABLE = 'REDIS_FUZZ_EXTRA_SEEDS';

export function loadSeeds() {
  const isSource = (name) => SOURCE_EXTENSIONS.includes(path.extname(name));
  const own = filesUnder(SEED_DIR, isSource);
  const fixtures = filesUnder(FIXTURE_DIR, (name) => /\.input\.[cm]?[jt]sx?$/.test(name));
  const extraDir = process.env[EXTRA_SEEDS_VARIABLE];
  const extra = extraDir ? filesUnder(extraDir, isSource) : [];
  return [...own, ...fixtures, ...extra].map((file) => {
    const ext = path.extname(file);
    const base = path.basename(file, ext).replace(/\.input$/, '');
    const test = /\.(?:test|spec)$/.test(base);
    return {
      name: path.relative(ROOT, file),
      ext,
      stem: base.replace(/\.(?:test|spec)$/, ''),
      test,
      text: fs.readFileSync(file, 'utf8'),
    };
  });
}

/** The case's file name under the virtual root: `tests/x.test.ts` for a test file, else `src/x.ts`. */
export function virtualFilename(seed, place, index = '') {
  const stem = `${seed.stem}${index === '' ? '' : `-${index}`}`;
  return place === 'test' ? `tests/${stem}.test${seed.ext}` : `src/${stem}${seed.ext}`;
}
