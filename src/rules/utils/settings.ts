import type { TSESLint } from '@typescript-eslint/utils';

export interface RedisPluginSettings {
  /** Modules that re-export node-redis factories, e.g. a team's own `@acme/redis` wrapper. */
  clientModules: string[];
}

/** Reads `settings.redis`; a malformed value is reported as a clear configuration error. */
export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RedisPluginSettings {
  const raw = (context.settings as { redis?: { clientModules?: unknown } }).redis;
  const clientModules = raw?.clientModules ?? [];
  if (!Array.isArray(clientModules) || !clientModules.every((name) => typeof name === 'string' && name !== '')) {
    throw new TypeError(
      'eslint-plugin-redis: settings.redis.clientModules must be an array of module names, e.g. ["@acme/redis"].',
    );
  }
  return { clientModules };
}
