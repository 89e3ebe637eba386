import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

const { name, version } = require('../package.json') as { name: string; version: string };

type RuleName = keyof typeof rules;
const recommendedRules = Object.fromEntries(
  Object.keys(rules).map((ruleName) => [`redis/${ruleName}`, 'error']),
) as Record<`redis/${RuleName}`, 'error'>;

const plugin = {
  meta: { name, version, namespace: 'redis' },
  rules,
  configs: {} as {
    recommended: TSESLint.FlatConfig.Config;
    'legacy-recommended': TSESLint.ClassicConfig.Config;
  },
};

plugin.configs.recommended = {
  name: 'redis/recommended',
  plugins: { redis: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules,
};
plugin.configs['legacy-recommended'] = {
  plugins: ['redis'],
  rules: recommendedRules,
};

export = plugin;
