import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

export interface RedisRuleDocs {
  description: string;
  recommended?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-redis/eslint-plugin-redis';

type RuleContext<MessageIds extends string, Options extends readonly unknown[]> = Readonly<
  TSESLint.RuleContext<MessageIds, Options>
>;

interface RuleDefinition<MessageIds extends string, Options extends readonly unknown[]> {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageIds, RedisRuleDocs, Options>, 'docs' | 'defaultOptions'> & {
    docs: RedisRuleDocs;
    /** Required with a schema; a rule without options has none. */
    defaultOptions?: Options;
  };
  /** `options()` gives the rule's options merged over `meta.defaultOptions`, computed on first use. */
  create(context: RuleContext<MessageIds, Options>, options: () => Options): TSESLint.RuleListener;
}

/**
 * Like typescript-eslint's `RuleCreator` (docs URL, typed messages), but merges the options only when
 * a rule asks for them. The rules ask only in files that use node-redis, so the many files that do not
 * skip the merge: measured by `npm run bench`, it was most of the plugin's cost on such files.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleDefinition<MessageIds, Options>): TSESLint.RuleModule<MessageIds, Options, RedisRuleDocs> & { name: string } {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    create(context) {
      let options: Options | undefined;
      return create(context, () => (options ??= ESLintUtils.applyDefault(meta.defaultOptions ?? ([] as unknown as Options), context.options) as Options));
    },
  };
}
