import { ESLintUtils } from '@typescript-eslint/utils';

export interface RedisRuleDocs {
  description: string;
  recommended?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-redis/eslint-plugin-redis';

export const createRule = ESLintUtils.RuleCreator<RedisRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
