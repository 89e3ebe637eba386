// What each file extension means: which parser ESLint uses for it ("its own language"), whether it may
// hold TypeScript or JSX, and its source type. The codemods parse every file with typescript-estree,
// which accepts TypeScript in a .js file; ESLint's espree does not, so a .js output is checked with espree.
import path from 'node:path';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);
const JSX = new Set(['.js', '.jsx', '.tsx']);
const COMMONJS = new Set(['.cjs', '.cts']);

/** @param {string} filename */
export function languageOf(filename) {
  const ext = path.extname(filename).toLowerCase();
  return {
    ext,
    typescript: TYPESCRIPT.has(ext),
    jsx: JSX.has(ext),
    /** typescript-estree's `jsx` option as the codemods set it: on for everything but .ts/.mts/.cts. */
    estreeJsx: !(TYPESCRIPT.has(ext) && ext !== '.tsx'),
    commonjs: COMMONJS.has(ext),
  };
}

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];
