import type { TSESLint } from '@typescript-eslint/utils';
import { versionFromSetting, type RedisVersionSetting } from '../../core/redis-version';

export interface RedisPluginSettings {
  /** Modules that re-export node-redis factories, e.g. a team's own `@acme/redis` wrapper. */
  clientModules: string[];
  /** `'detect'` (read package.json), or the node-redis version the code is written against. */
  version: RedisVersionSetting;
}

/** Reads `settings.redis`; a malformed value is reported as a clear configuration error. */
export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedisPluginSettings {
  const raw = (context.settings as { redis?: { clientModules?: unknown; version?: unknown } }).redis;
  const clientModules = raw?.clientModules ?? [];
  if (!Array.isArray(clientModules) || !clientModules.every((name) => typeof name === 'string' && name !== '')) {
    throw new TypeError(
      'eslint-plugin-redis: settings.redis.clientModules must be an array of module names, e.g. ["@acme/redis"].',
    );
  }
  return { clientModules, version: readVersionSetting(raw?.version ?? 'detect') };
}

function readVersionSetting(version: unknown): RedisVersionSetting {
  if (version === 'detect') return version;
  const valid =
    (typeof version === 'number' && Number.isInteger(version) && version >= 2) ||
    (typeof version === 'string' && versionFromSetting(version) !== undefined);
  if (!valid) {
    throw new TypeError(
      "eslint-plugin-redis: settings.redis.version must be 'detect', a node-redis major version (e.g. 4) or a semver version or range (e.g. \"4.5.0\").",
    );
  }
  return version as RedisVersionSetting;
}
