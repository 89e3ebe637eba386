/**
 * Which node-redis version a file is written against, read from the project's package.json files:
 * the nearest one above the file that declares node-redis (`redis`, `@redis/client`,
 * `@node-redis/client`, or an npm alias of one of them) in any dependency section.
 */
import path from 'node:path';
import semver from 'semver';
import { NODE_REDIS_MODULES } from './redis-modules';
import { WatchedFiles, type WatchedFile } from './watched-files';

export interface RedisVersion {
  major: number;
  /** The lowest `redis` version the declaration allows, e.g. `4.6.0` (decides what a remedy may write). */
  minimum: string;
}

export interface ProjectRedisVersions {
  /** The module names that load node-redis, npm aliases included, and the version each loads (if known). */
  readonly modules: ReadonlyMap<string, RedisVersion | undefined>;
  /** The version of node-redis modules the project does not declare itself, and of `settings.redis.clientModules`. */
  readonly main: RedisVersion | undefined;
  /** The package.json that declared node-redis, when it came from one. */
  readonly packageJson?: string;
  /** Equal for equal results, so analyses can be cached by it. */
  readonly key: string;
}

/** `settings.redis.version`: read it from package.json, or a major (`4`) or semver version or range (`'4.5.0'`). */
export type RedisVersionSetting = 'detect' | number | string;

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const NODE_REDIS_NAMES: ReadonlySet<string> = new Set(NODE_REDIS_MODULES);
const UNKNOWN: ProjectRedisVersions = { modules: new Map(), main: undefined, key: 'unknown' };

/** The version an explicit setting names (the lowest a range allows), or undefined when it names none. */
export function versionFromSetting(setting: number | string): RedisVersion | undefined {
  const text = typeof setting === 'number' ? `${setting}.0.0` : setting;
  const lowestAllowed = lowestVersionOfRange(text);
  return lowestAllowed && toRedisVersion('redis', lowestAllowed);
}

/** One explicit version for every node-redis module the file loads. */
export function explicitVersions(version: RedisVersion): ProjectRedisVersions {
  return { modules: new Map(), main: version, key: `setting:${version.minimum}` };
}

/** The version of the node-redis module `moduleName` in this project, if known. */
export function versionOfModule(versions: ProjectRedisVersions, moduleName: string): RedisVersion | undefined {
  return versions.modules.has(moduleName) ? versions.modules.get(moduleName) : versions.main;
}

/** The npm aliases of node-redis that the project declares (`"redis-v4": "npm:redis@^4"`). */
export function aliasModules(versions: ProjectRedisVersions): string[] {
  return [...versions.modules.keys()].filter((name) => !NODE_REDIS_NAMES.has(name));
}

interface CachedDetection {
  result: ProjectRedisVersions;
  /** Every file the result was read from (absent ones too), with the generation it had then. */
  readFrom: { file: WatchedFile; generation: number }[];
}

/**
 * Detection with a cache per directory. Editors keep ESLint running while package.json files change, so
 * a cached result is checked again when it is used after `recheckAfterMs`: one `stat` per file it was
 * read from (throttled per file, so a lint run over many files stats each package.json about once a
 * second), and re-read only when one of them changed.
 */
export class RedisVersionDetector {
  private readonly files: WatchedFiles;
  private readonly byDirectory = new Map<string, CachedDetection>();

  constructor(recheckAfterMs = 1000) {
    this.files = new WatchedFiles(recheckAfterMs);
  }

  /** The node-redis versions for a file at `filePath` (absolute). */
  detect(filePath: string): ProjectRedisVersions {
    const directory = path.dirname(filePath);
    const cached = this.byDirectory.get(directory);
    if (cached && cached.readFrom.every(({ file, generation }) => this.files.refresh(file).generation === generation)) {
      return cached.result;
    }
    const readFrom: CachedDetection['readFrom'] = [];
    const result = this.detectUncached(directory, (file) => readFrom.push({ file, generation: file.generation }));
    this.byDirectory.set(directory, { result, readFrom });
    return result;
  }

  private detectUncached(start: string, read: (file: WatchedFile) => void): ProjectRedisVersions {
    for (let directory = start; ; directory = path.dirname(directory)) {
      const packageJson = path.join(directory, 'package.json');
      const file = this.files.get(packageJson);
      read(file);
      const modules = this.declaredModules(file.json, directory, read);
      if (modules.size > 0) return project(modules, packageJson);
      if (path.dirname(directory) === directory) return UNKNOWN;
    }
  }

  /** Every node-redis module a package.json declares; a module in several sections gets its lowest version. */
  private declaredModules(json: unknown, directory: string, read: (file: WatchedFile) => void): Map<string, RedisVersion | undefined> {
    const modules = new Map<string, RedisVersion | undefined>();
    if (!isRecord(json)) return modules;
    for (const section of DEPENDENCY_SECTIONS) {
      const dependencies = json[section];
      if (!isRecord(dependencies)) continue;
      for (const [name, spec] of Object.entries(dependencies)) {
        if (typeof spec !== 'string') continue;
        const declared = this.declaredVersion(name, spec, directory, read);
        if (!declared) continue;
        modules.set(name, lowest(modules.get(name), declared.version));
      }
    }
    return modules;
  }

  /** What `"name": "spec"` declares, when it is node-redis; the version is undefined when the spec does not say. */
  private declaredVersion(
    name: string,
    spec: string,
    directory: string,
    read: (file: WatchedFile) => void,
  ): { version: RedisVersion | undefined } | undefined {
    const alias = /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec.trim());
    const target = alias ? alias[1]! : name;
    if (!NODE_REDIS_NAMES.has(target)) return undefined;
    const range = alias ? (alias[2] ?? '*') : spec;
    const lowestAllowed = lowestVersionOfRange(range);
    if (lowestAllowed) return { version: toRedisVersion(target, lowestAllowed) };
    // `workspace:`, `file:`, `link:`, a tag or a git URL: the installed package says which version it is.
    const installed = this.installedVersion(name, directory, read) ?? lowestVersionOfRange(range.replace(/^workspace:/, ''));
    return { version: installed ? toRedisVersion(target, installed) : undefined };
  }

  /** The version of `node_modules/<name>` as Node resolves it from `directory`, when it is installed. */
  private installedVersion(name: string, directory: string, read: (file: WatchedFile) => void): semver.SemVer | undefined {
    for (let current = directory; ; current = path.dirname(current)) {
      const file = this.files.get(path.join(current, 'node_modules', name, 'package.json'));
      read(file);
      if (isRecord(file.json) && typeof file.json.version === 'string') return semver.parse(file.json.version) ?? undefined;
      if (path.dirname(current) === current) return undefined;
    }
  }
}

/** The lowest version a range allows; undefined for what is not a range, and for `*` (it says nothing). */
function lowestVersionOfRange(range: string): semver.SemVer | undefined {
  if (!semver.validRange(range)) return undefined;
  const lowestAllowed = semver.minVersion(range);
  return lowestAllowed && lowestAllowed.compare('0.0.0') > 0 ? lowestAllowed : undefined;
}

/**
 * Numbers a package version as the `redis` release that ships it: `@redis/client` 1.m is redis 4.(m+1)
 * (1.5.0 shipped with redis 4.6.0) and `@node-redis/client` 1.0.p is redis 4.0.p; from 5.0 on the
 * client's versions are redis's. Patch levels of `@redis/client` 1.x are not mapped: no decision here
 * depends on them.
 */
function toRedisVersion(packageName: string, version: semver.SemVer): RedisVersion {
  let { major, minor, patch } = version;
  if (packageName === '@redis/client' && major === 1) [major, minor, patch] = [4, minor + 1, 0];
  if (packageName === '@node-redis/client' && major === 1) [major, minor] = [4, 0];
  return { major, minimum: `${major}.${minor}.${patch}` };
}

/** The lower of two versions; a section whose version is unknown does not hide another's. */
function lowest(a: RedisVersion | undefined, b: RedisVersion | undefined): RedisVersion | undefined {
  if (!a || !b) return a ?? b;
  return semver.lte(a.minimum, b.minimum) ? a : b;
}

function project(modules: Map<string, RedisVersion | undefined>, packageJson: string): ProjectRedisVersions {
  const main = NODE_REDIS_MODULES.map((name) => modules.get(name)).find((version) => version !== undefined);
  const key = JSON.stringify([...modules].map(([name, version]) => [name, version?.minimum ?? null]));
  return { modules, main, packageJson, key };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const sharedDetector = new RedisVersionDetector();

/** What the rules use: one detector (and cache) for the whole ESLint process. */
export function detectRedisVersions(filePath: string): ProjectRedisVersions {
  return sharedDetector.detect(filePath);
}
