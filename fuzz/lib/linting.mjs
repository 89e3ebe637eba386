// One ESLint Linter for the whole run, in three configurations: parse only (the time baseline and the
// "does it parse in its own language" check), the plugin's three rules, and the same with inline
// configuration ignored (to see the reports an eslint-disable comment hides).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const { Linter } = requireFromRoot('eslint');
const tsParser = requireFromRoot('@typescript-eslint/parser');
const plugin = requireFromRoot(path.join(ROOT, 'dist', 'index.js'));

/** The folder the virtual files live in: test-file globs are matched relative to it. */
export const VIRTUAL_ROOT = path.join(path.sep, 'fuzz-root');

const BASE = [
  { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'] },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
];
const CONFIGS = {
  parse: BASE,
  plugin: [...BASE, plugin.configs.recommended],
  pluginNoInline: [...BASE, plugin.configs.recommended, { linterOptions: { noInlineConfig: true } }],
};

const linter = new Linter({ cwd: VIRTUAL_ROOT });

/**
 * Lints `text` as the virtual file `filename` (relative to VIRTUAL_ROOT). Throws what ESLint throws.
 * @param {string} text @param {string} filename @param {keyof typeof CONFIGS} mode
 */
export function lint(text, filename, mode) {
  const start = performance.now();
  const messages = linter.verify(text, CONFIGS[mode], { filename: path.join(VIRTUAL_ROOT, filename) });
  return { messages, ms: performance.now() - start };
}

/** The parse error of `text` in its own language (espree for JavaScript), or undefined. */
export function ownLanguageProblem(text, filename) {
  let messages;
  try {
    ({ messages } = lint(text, filename, 'parse'));
  } catch (error) {
    return `ESLint threw while parsing: ${firstLine(error)}`;
  }
  const fatal = messages.find((message) => message.fatal);
  return fatal && `${fatal.line}:${fatal.column} ${fatal.message}`;
}

export function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/** Messages of the plugin's rules only. */
export function pluginMessages(messages) {
  return messages.filter((message) => message.ruleId?.startsWith('redis/'));
}
