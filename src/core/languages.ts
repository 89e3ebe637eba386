/**
 * Which language a file is written in, as its own toolchain sees it. The codemods analyse every file with
 * typescript-estree (a superset of JavaScript), so a JavaScript output is also checked with espree, the
 * parser ESLint and Node-compatible tools agree with: TypeScript syntax must never land in a `.js` file.
 */
import path from 'node:path';
import * as espree from 'espree';

export type JavaScriptMode = 'module' | 'script';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

export function isTypeScriptFile(filePath: string): boolean {
  return TYPESCRIPT_FILE.test(filePath);
}

/** The modes a JavaScript file may be in, most likely first: `.mjs` is a module, `.cjs` a script. */
function candidateModes(filePath: string): JavaScriptMode[] {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.mjs') return ['module'];
  if (extension === '.cjs') return ['script'];
  return ['module', 'script'];
}

function parsesAs(text: string, mode: JavaScriptMode): boolean {
  try {
    espree.parse(text, {
      ecmaVersion: 'latest',
      sourceType: mode,
      ecmaFeatures: { jsx: true, globalReturn: mode === 'script' },
    });
    return true;
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return false;
  }
}

/** The mode in which a JavaScript file parses as plain JavaScript; undefined for TypeScript, Flow or broken files. */
export function javaScriptMode(text: string, filePath: string): JavaScriptMode | undefined {
  if (isTypeScriptFile(filePath)) return undefined;
  return candidateModes(filePath).find((mode) => parsesAs(text, mode));
}

/** Whether `text` is still plain JavaScript in `mode` (the mode its input parsed in). */
export function stillJavaScript(text: string, mode: JavaScriptMode): boolean {
  return parsesAs(text, mode);
}

/** Whether an expression is plain JavaScript (no type annotations, `as`, `!` and the like). */
export function isJavaScriptExpression(expression: string): boolean {
  return parsesAs(`(${expression});`, 'module');
}
