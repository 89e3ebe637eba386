// The two ESLint configurations compared by the benchmark: parse + scope analysis only, and the
// plugin's recommended config on top. TypeScript files go through @typescript-eslint/parser.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/**
 * As many rules as the plugin has, doing nothing, registered on 'Program:exit' like the plugin's: what
 * ESLint itself costs for three rules, so the plugin's own cost can be told apart from ESLint's.
 */
const noop = { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) };
const ANY_RULE = {
  plugins: { bench: { rules: { 'noop-a': noop, 'noop-b': noop, 'noop-c': noop } } },
  rules: { 'bench/noop-a': 'error', 'bench/noop-b': 'error', 'bench/noop-c': 'error' },
};

/** mode: 'parse' (no rules), 'any-rule' (three no-op rules) or 'recommended' (redis/recommended). */
export function lintConfig(mode) {
  const config = [
    { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: requireFromRoot('@typescript-eslint/parser') } },
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
  if (mode === 'recommended') config.push(requireFromRoot(path.join(ROOT, 'dist', 'index.js')).configs.recommended);
  else if (mode === 'any-rule') config.push(ANY_RULE);
  else if (mode !== 'parse') throw new Error(`unknown lint mode ${mode}`);
  return config;
}
