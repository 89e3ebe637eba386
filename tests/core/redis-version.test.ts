import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  RedisVersionDetector,
  aliasModules,
  versionFromSetting,
  versionOfModule,
  type ProjectRedisVersions,
} from '../../src/core/redis-version';

const root = mkdtempSync(path.join(os.tmpdir(), 'redis-version-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let trees = 0;
/** Writes `files` (relative path → JSON value or text) into a fresh directory and returns its path. */
function tree(files: Record<string, unknown>): string {
  const dir = path.join(root, `tree-${++trees}`);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function detect(dir: string, file = 'src/index.ts'): ProjectRedisVersions {
  return new RedisVersionDetector().detect(path.join(dir, file));
}

/** The versions a tree's file gets, as `{ module: minimum }` (null for a declared module of unknown version). */
function declared(dir: string, file?: string): Record<string, string | null> {
  const versions = detect(dir, file);
  return Object.fromEntries([...versions.modules].map(([name, version]) => [name, version?.minimum ?? null]));
}

describe('reading the nearest package.json that declares node-redis', () => {
  it('reads redis from dependencies, with the major and the lowest version the range allows', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: '^4.6.4' } } });
    const versions = detect(dir);
    expect(versions.main).toEqual({ major: 4, minimum: '4.6.4' });
    expect(versions.packageJson).toBe(path.join(dir, 'package.json'));
  });

  it.each([
    ['dependencies', { dependencies: { redis: '^5.8.2' } }, '5.8.2'],
    ['devDependencies', { devDependencies: { redis: '~5.10.0' } }, '5.10.0'],
    ['peerDependencies', { peerDependencies: { redis: '>=4.5.0' } }, '4.5.0'],
    ['optionalDependencies', { optionalDependencies: { redis: '6.3.1' } }, '6.3.1'],
  ])('reads %s', (_section, packageJson, minimum) => {
    expect(declared(tree({ 'package.json': packageJson }))).toEqual({ redis: minimum });
  });

  it('takes the lowest version over all sections (peer ^5 || ^6, dev ^6.1 → 5.0.0)', () => {
    const dir = tree({ 'package.json': { devDependencies: { redis: '^6.1.0' }, peerDependencies: { redis: '^5.0.0 || ^6.0.0' } } });
    expect(detect(dir).main).toEqual({ major: 5, minimum: '5.0.0' });
  });

  it.each([
    ['a v3 range', '^3.1.2', { major: 3, minimum: '3.1.2' }],
    ['a v2 prerelease range', '~2.6.0-2', { major: 2, minimum: '2.6.0' }],
    ['4.5', '~4.5.1', { major: 4, minimum: '4.5.1' }],
    ['a range across majors', '>=3 <5', { major: 3, minimum: '3.0.0' }],
    ['an exact version', '4.7.1', { major: 4, minimum: '4.7.1' }],
  ])('redis %s', (_title, spec, version) => {
    expect(detect(tree({ 'package.json': { dependencies: { redis: spec } } })).main).toEqual(version);
  });

  it.each([
    ['@redis/client 1.5 is redis 4.6', '@redis/client', '^1.5.10', { major: 4, minimum: '4.6.0' }],
    ['@redis/client 1.3 is redis 4.4', '@redis/client', '^1.3.0', { major: 4, minimum: '4.4.0' }],
    ['@redis/client 5.x is redis 5.x', '@redis/client', '^5.1.0', { major: 5, minimum: '5.1.0' }],
    ['@node-redis/client 1.0.4 is redis 4.0.4', '@node-redis/client', '^1.0.4', { major: 4, minimum: '4.0.4' }],
  ])('%s', (_title, name, spec, version) => {
    const versions = detect(tree({ 'package.json': { dependencies: { [name]: spec } } }));
    expect(versions.main).toEqual(version);
    expect(versionOfModule(versions, name)).toEqual(version);
  });

  it('gives undeclared node-redis modules (a dependency of redis) the main version', () => {
    const versions = detect(tree({ 'package.json': { dependencies: { redis: '^4.6.0' } } }));
    expect(versionOfModule(versions, '@redis/client')).toEqual({ major: 4, minimum: '4.6.0' });
  });

  it('knows nothing when no package.json declares node-redis', () => {
    const dir = tree({ 'package.json': { dependencies: { ioredis: '^5.0.0' } } });
    const versions = detect(dir);
    expect(versions.main).toBeUndefined();
    expect(versions.modules.size).toBe(0);
    expect(versions.key).toBe('unknown');
  });

  it.each([['*'], ['latest'], ['github:redis/node-redis']])('knows the module but not its version for %s (not installed)', (spec) => {
    const versions = detect(tree({ 'package.json': { dependencies: { redis: spec } } }));
    expect(declared(tree({ 'package.json': { dependencies: { redis: spec } } }))).toEqual({ redis: null });
    expect(versions.main).toBeUndefined();
  });

  it('ignores a package.json that is not valid JSON and keeps walking up', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: '^4.6.0' } }, 'app/package.json': '{ not json' });
    expect(declared(dir, 'app/src/index.js')).toEqual({ redis: '4.6.0' });
  });
});

describe('monorepos and workspaces', () => {
  const monorepo = () =>
    tree({
      'package.json': { private: true, workspaces: ['packages/*'], devDependencies: { redis: '^5.0.0' } },
      'packages/api/package.json': { name: 'api', dependencies: { express: '^5.0.0' } },
      'packages/legacy/package.json': { name: 'legacy', dependencies: { redis: '^3.1.2' } },
    });

  it('walks up past a package.json that does not declare node-redis', () => {
    const dir = monorepo();
    expect(detect(dir, 'packages/api/src/deep/cache.ts').main).toEqual({ major: 5, minimum: '5.0.0' });
    expect(detect(dir, 'packages/api/src/deep/cache.ts').packageJson).toBe(path.join(dir, 'package.json'));
  });

  it("stops at the nearest declaration: a workspace's own version wins over the root's", () => {
    expect(detect(monorepo(), 'packages/legacy/lib/redis.js').main).toEqual({ major: 3, minimum: '3.1.2' });
  });

  it.each([
    ['workspace:*', 'workspace:*'],
    ['workspace:^', 'workspace:^'],
    ['file:', 'file:../vendor/redis'],
    ['link:', 'link:../vendor/redis'],
  ])('reads the installed package for a %s spec', (_title, spec) => {
    const dir = tree({
      'package.json': { workspaces: ['app'] },
      'app/package.json': { dependencies: { redis: spec } },
      'node_modules/redis/package.json': { name: 'redis', version: '4.7.1' },
    });
    expect(detect(dir, 'app/index.js').main).toEqual({ major: 4, minimum: '4.7.1' });
  });

  it('reads the range of a workspace: spec when nothing is installed', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: 'workspace:^4.6.0' } } });
    expect(detect(dir).main).toEqual({ major: 4, minimum: '4.6.0' });
  });

  it('maps an installed @redis/client 1.x to redis 4', () => {
    const dir = tree({
      'package.json': { dependencies: { '@redis/client': 'workspace:*' } },
      'node_modules/@redis/client/package.json': { name: '@redis/client', version: '1.6.1' },
    });
    expect(detect(dir).main).toEqual({ major: 4, minimum: '4.7.0' });
  });
});

describe('npm aliases', () => {
  it('makes the alias a node-redis module of the version it names', () => {
    const versions = detect(tree({ 'package.json': { devDependencies: { 'redis-v4': 'npm:redis@^4.6' } } }));
    expect(declared(tree({ 'package.json': { devDependencies: { 'redis-v4': 'npm:redis@^4.6' } } }))).toEqual({ 'redis-v4': '4.6.0' });
    expect(aliasModules(versions)).toEqual(['redis-v4']);
    expect(versionOfModule(versions, 'redis-v4')).toEqual({ major: 4, minimum: '4.6.0' });
  });

  it('keeps each alias at its own version beside the main one', () => {
    const versions = detect(tree({ 'package.json': { devDependencies: { redis: '~5.10.0', 'redis-v3': 'npm:redis@^3.1.2' } } }));
    expect(versions.main).toEqual({ major: 5, minimum: '5.10.0' });
    expect(versionOfModule(versions, 'redis-v3')).toEqual({ major: 3, minimum: '3.1.2' });
    expect(versionOfModule(versions, 'redis')).toEqual({ major: 5, minimum: '5.10.0' });
  });

  it('reads aliases of @redis/client and scoped alias names', () => {
    const versions = detect(tree({ 'package.json': { dependencies: { '@acme/redis-client': 'npm:@redis/client@^1.5.0' } } }));
    expect(versionOfModule(versions, '@acme/redis-client')).toEqual({ major: 4, minimum: '4.6.0' });
  });

  it('ignores aliases of other packages', () => {
    expect(declared(tree({ 'package.json': { dependencies: { 'my-redis': 'npm:ioredis@^5' } } }))).toEqual({});
  });
});

describe('the cache', () => {
  it('reads a package.json again when it changes', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: '^3.1.2' } } });
    const detector = new RedisVersionDetector(0);
    const file = path.join(dir, 'src/index.ts');
    expect(detector.detect(file).main?.major).toBe(3);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { redis: '^4.6.10' } }));
    expect(detector.detect(file).main).toEqual({ major: 4, minimum: '4.6.10' });
  });

  it('notices a package.json created nearer to the file', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: '^5.0.0' } } });
    const detector = new RedisVersionDetector(0);
    const file = path.join(dir, 'app/src/index.ts');
    expect(detector.detect(file).main?.major).toBe(5);
    mkdirSync(path.join(dir, 'app'), { recursive: true });
    writeFileSync(path.join(dir, 'app/package.json'), JSON.stringify({ dependencies: { redis: '^4.0.0' } }));
    expect(detector.detect(file).main?.major).toBe(4);
  });

  it('returns the same result object while nothing changed, and within the recheck interval', () => {
    const dir = tree({ 'package.json': { dependencies: { redis: '^4.6.0' } } });
    const detector = new RedisVersionDetector(60_000);
    const file = path.join(dir, 'index.js');
    const first = detector.detect(file);
    expect(detector.detect(path.join(dir, 'other.js'))).toBe(first);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { redis: '^6.0.0' } }));
    // Not checked again before 60 s have passed: the documented price of not stat-ing on every file.
    expect(detector.detect(file)).toBe(first);
  });
});

describe('settings.redis.version', () => {
  it.each([
    [4, { major: 4, minimum: '4.0.0' }],
    [3, { major: 3, minimum: '3.0.0' }],
    ['4.5.2', { major: 4, minimum: '4.5.2' }],
    ['^4.6', { major: 4, minimum: '4.6.0' }],
    ['5', { major: 5, minimum: '5.0.0' }],
  ])('%j names %j', (setting, version) => {
    expect(versionFromSetting(setting)).toEqual(version);
  });

  it.each([['banana'], ['']])('%j names no version', (setting) => {
    expect(versionFromSetting(setting)).toBeUndefined();
  });
});
