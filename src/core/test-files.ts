import path from 'node:path';
import picomatch from 'picomatch';

/** Where tests usually live; `reconnectStrategy: false` is legitimate there. */
export const DEFAULT_TEST_FILE_PATTERNS = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/__mocks__/**',
];

const matchers = new Map<string, (file: string) => boolean>();

/**
 * Matches `filename` (absolute, or relative to `cwd`) against glob patterns relative to `cwd`, as ESLint
 * matches `files`. Only the relative path counts, so a checkout under a folder named `test` is not exempt.
 */
export function isTestFile(filename: string, cwd: string, patterns: readonly string[] = DEFAULT_TEST_FILE_PATTERNS): boolean {
  const key = patterns.join('\0');
  let matches = matchers.get(key);
  if (!matches) {
    matches = picomatch([...patterns], { dot: true });
    matchers.set(key, matches);
  }
  const relative = path.relative(cwd, path.resolve(cwd, filename)).split(path.sep).join('/');
  return matches(relative);
}
