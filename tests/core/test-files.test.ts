import { describe, expect, it } from 'vitest';
import { isTestFile } from '../../src/core/test-files';

describe('isTestFile', () => {
  it.each([
    ['src/cache.test.ts', true],
    ['src/cache.spec.js', true],
    ['src/__tests__/cache.ts', true],
    ['test/setup.js', true],
    ['packages/api/tests/fixtures.mjs', true],
    ['e2e/login.ts', true],
    ['src/__mocks__/redis.js', true],
    ['src/cache.ts', false],
    ['src/testing-utils.ts', false],
    ['src/contest/redis.ts', false],
  ])('%s → %s with the default patterns', (file, expected) => {
    expect(isTestFile(`/repo/${file}`, '/repo')).toBe(expected);
  });

  it('matches only the path relative to cwd, so a checkout under a folder named test is not exempt', () => {
    expect(isTestFile('/home/ci/test/app/src/redis.js', '/home/ci/test/app')).toBe(false);
    expect(isTestFile('/home/ci/test/app/test/redis.js', '/home/ci/test/app')).toBe(true);
  });

  it('replaces the defaults with the given patterns, relative to cwd', () => {
    expect(isTestFile('/repo/scripts/seed.ts', '/repo', ['scripts/**'])).toBe(true);
    expect(isTestFile('/repo/src/cache.test.ts', '/repo', ['scripts/**'])).toBe(false);
  });
});
