import type { TSESLint } from '@typescript-eslint/utils';
import { versionFromSetting, type RedisVersionSetting } from '../../core/redis-version';

export interface RedisPluginSettings {
  /** Modules that re-export node-redis factories, e.g. a team's own `@acme/redis` wrapper. */
  clientModules: string[];
  /**
   * Columns the lines a suggestion inserts may take before its option objects, reconnect strategy or
   * listener call are broken across lines. No limit when unset; `redis-codemod` sets it per file.
   */
  lineWidth?: number;
  /** `'detect'` (read package.json), or the node-redis version the code is written against. */
  version: RedisVersionSetting;
}

const PREFIX = 'eslint-plugin-redis: settings.redis';
const EXAMPLE = '{ clientModules: ["@acme/redis"] }';
const KNOWN_KEYS: ReadonlySet<string> = new Set(['clientModules', 'version', 'lineWidth']);
const DEFAULTS: RedisPluginSettings = { clientModules: [], version: 'detect' };

/** Validated once per settings object: the rules read them for every file. */
const validated = new WeakMap<object, RedisPluginSettings>();

/**
 * Reads `settings.redis`. A malformed value is a configuration error, thrown with a message that names
 * the setting and says what is expected, never ignored.
 */
export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedisPluginSettings {
  const raw = (context.settings as { redis?: unknown }).redis;
  if (raw === undefined) return DEFAULTS;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`${PREFIX} must be an object such as ${EXAMPLE}, but it is ${describe(raw)}.`);
  }
  let settings = validated.get(raw);
  if (!settings) {
    settings = validate(raw as Record<string, unknown>);
    validated.set(raw, settings);
  }
  return settings;
}

function validate(raw: Record<string, unknown>): RedisPluginSettings {
  const unknownKey = Object.keys(raw).find((key) => !KNOWN_KEYS.has(key));
  if (unknownKey !== undefined) {
    throw new TypeError(`${PREFIX} has an unknown key ${JSON.stringify(unknownKey)}; the keys are "clientModules", "version" and "lineWidth", as in ${EXAMPLE}.`);
  }
  const clientModules = raw.clientModules === undefined ? [] : raw.clientModules;
  if (!Array.isArray(clientModules)) {
    throw new TypeError(
      `${PREFIX}.clientModules must be an array of module names, e.g. ["@acme/redis"], but it is ${describe(raw.clientModules)}.`,
    );
  }
  clientModules.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`${PREFIX}.clientModules[${index}] must be a module name (a non-empty string), but it is ${describe(name)}.`);
    }
  });
  const { lineWidth } = raw;
  if (lineWidth !== undefined && (!Number.isSafeInteger(lineWidth) || (lineWidth as number) <= 0)) {
    throw new TypeError(`${PREFIX}.lineWidth must be a positive whole number of columns, e.g. 100, but it is ${describe(lineWidth)}.`);
  }
  return {
    clientModules: [...(clientModules as string[])],
    version: readVersionSetting(raw.version ?? 'detect'),
    ...(lineWidth === undefined ? {} : { lineWidth: lineWidth as number }),
  };
}

function readVersionSetting(version: unknown): RedisVersionSetting {
  if (version === 'detect') return version;
  const valid =
    (typeof version === 'number' && Number.isInteger(version) && version >= 2) ||
    (typeof version === 'string' && versionFromSetting(version) !== undefined);
  if (!valid) {
    throw new TypeError(
      `${PREFIX}.version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. "4.5.0"), but it is ${describe(version)}.`,
    );
  }
  return version as RedisVersionSetting;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
