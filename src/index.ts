import type { ESLint, Linter } from 'eslint';
import { rules } from './rules';

const { name, version } = require('../package.json') as { name: string; version: string };

const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(rules).map((ruleName) => [`redis/${ruleName}`, 'error']),
);

interface RedisPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: 'redis' };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: { recommended: Linter.Config; 'legacy-recommended': Linter.LegacyConfig };
}

const plugin: RedisPlugin = {
  meta: { name, version, namespace: 'redis' },
  // typescript-eslint's rule type is stricter than ESLint's; the objects are the same at runtime.
  rules: rules as unknown as RedisPlugin['rules'],
  configs: {
    recommended: { name: 'redis/recommended', rules: recommendedRules },
    'legacy-recommended': { plugins: ['redis'], rules: recommendedRules },
  },
};
plugin.configs.recommended.plugins = { redis: plugin };

export = plugin;
