import type { ESLint, Linter } from 'eslint';
import { rules } from './rules';

const { name, version } = require('../package.json') as { name: string; version: string };

const ruleNames = Object.keys(rules) as (keyof typeof rules)[];
const enabled = (names: readonly string[]): Linter.RulesRecord => Object.fromEntries(names.map((ruleName) => [`redis/${ruleName}`, 'error']));

/** `recommended`: the rules whose docs say so. `strict`: every rule (adds `require-reconnect-strategy`). */
const recommendedRules = enabled(ruleNames.filter((ruleName) => rules[ruleName].meta.docs?.recommended === true));
const strictRules = enabled(ruleNames);

interface RedisPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: 'redis' };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: {
    recommended: Linter.Config;
    strict: Linter.Config;
    'legacy-recommended': Linter.LegacyConfig;
    'legacy-strict': Linter.LegacyConfig;
  };
}

const plugin: RedisPlugin = {
  meta: { name, version, namespace: 'redis' },
  // typescript-eslint's rule type is stricter than ESLint's; the objects are the same at runtime.
  rules: rules as unknown as RedisPlugin['rules'],
  configs: {
    recommended: { name: 'redis/recommended', rules: recommendedRules },
    strict: { name: 'redis/strict', rules: strictRules },
    'legacy-recommended': { plugins: ['redis'], rules: recommendedRules },
    'legacy-strict': { plugins: ['redis'], rules: strictRules },
  },
};
plugin.configs.recommended.plugins = { redis: plugin };
plugin.configs.strict.plugins = { redis: plugin };

export = plugin;
