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

interface Matcher {
  matches: (file: string) => boolean;
  /** The last file asked about: every rule of a lint run asks about the same file in a row. */
  last?: { filename: string; cwd: string; result: boolean };
}

const matchers = new Map<string, Matcher>();

/**
 * Matches `filename` (absolute, or relative to `cwd`) against glob patterns relative to `cwd`, as ESLint
 * matches `files`. Only the relative path counts, so a checkout under a folder named `test` is not exempt.
 */
export function isTestFile(filename: string, cwd: string, patterns: readonly string[] = DEFAULT_TEST_FILE_PATTERNS): boolean {
  const key = patterns.join('\0');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = { matches: picomatch([...patterns], { dot: true }) };
    matchers.set(key, matcher);
  }
  const { last } = matcher;
  if (last?.filename === filename && last.cwd === cwd) return last.result;
  const relative = path.relative(cwd, path.resolve(cwd, filename)).split(path.sep).join('/');
  const result = matcher.matches(relative);
  matcher.last = { filename, cwd, result };
  return result;
}
