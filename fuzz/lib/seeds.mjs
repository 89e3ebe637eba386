// The texts the mutations start from: this harness's own seed snippets (fuzz/seeds) and the input
// fixtures of the codemod tests (tests/codemods/__testfixtures__), in a fixed order.
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
export function loadSeeds() {
  const own = filesUnder(SEED_DIR, (name) => SOURCE_EXTENSIONS.includes(path.extname(name)));
  const fixtures = filesUnder(FIXTURE_DIR, (name) => /\.input\.[cm]?[jt]sx?$/.test(name));
  return [...own, ...fixtures].map((file) => {
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
