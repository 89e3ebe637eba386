import type { JSONSchema, TSESLint } from '@typescript-eslint/utils';
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { offeredRemedy, type OptionSpec, type Safeguard } from '../../core/safeguards';
import { analyzeLintedFile, lintedRemedyContext } from './analysis';

export interface RedisRuleDocs {
  description: string;
  recommended?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-redis/eslint-plugin-redis';

type Options = [Record<string, unknown>];

/** A rule without options gets `[]` for every file: one object, so its merged options are memoized too. */
export const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

export interface SafeguardRuleMeta {
  type: 'problem' | 'suggestion';
  docs: RedisRuleDocs;
  messages: Record<string, string>;
}

export type SafeguardRule = TSESLint.RuleModule<string, Options, RedisRuleDocs> & { name: string };

/**
 * A rule that reports what its safeguard finds, with the safeguard's remedy as the suggestion. The options
 * schema and defaults come from the registry, so the rule option, the jscodeshift option and the CLI flag
 * share one name. Options are merged only in files that use node-redis: measured by `npm run bench`, the
 * merge was most of the plugin's cost on the many files that do not.
 */
export function createSafeguardRule(safeguard: Safeguard, meta: SafeguardRuleMeta): SafeguardRule {
  const defaults = Object.fromEntries(
    safeguard.options.filter((option) => option.default !== undefined).map((option) => [option.name, option.default]),
  );
  // ESLint merges `meta.defaultOptions` into the options it hands over, which would hide whether a
  // renamed option was given under its old name: those defaults are applied here instead.
  const metaDefaults = Object.fromEntries(
    Object.entries(defaults).filter(([name]) => !safeguard.options.some((option) => option.name === name && option.deprecated?.ruleOption)),
  );
  const optionsOf = memoizedPerObject((given: Record<string, unknown>) => resolveOptions(safeguard.options, defaults, given));
  return {
    name: safeguard.rule,
    meta: {
      ...meta,
      docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${safeguard.rule}.md` },
      hasSuggestions: true,
      // A rule without options takes none (and its docs have no Options section).
      ...(safeguard.options.length > 0 ? { schema: [optionsSchema(safeguard.options)], defaultOptions: [metaDefaults] } : { schema: [] }),
    },
    defaultOptions: [metaDefaults],
    create(context) {
      return {
        'Program:exit'() {
          const analysis = analyzeLintedFile(context);
          if (!analysis) return;
          const options = optionsOf(context.options[0] ?? NO_OPTIONS);
          const input = { analysis, remedy: lintedRemedyContext(context), options, filename: context.filename, cwd: context.cwd };
          for (const report of safeguard.check(input)) {
            const { node, messageId, data } = report;
            const remedy = offeredRemedy(report);
            const suggest = remedy
              ? [{ messageId: remedy.messageId, data: remedy.data, fix: (fixer: TSESLint.RuleFixer) => remedy.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) }]
              : [];
            context.report({ node, messageId, data, suggest });
          }
        },
      };
    },
  };
}

/**
 * `compute` once per argument object. Without options in the config ESLint hands every file the same
 * object (`meta.defaultOptions`), and merging it again per file was a tenth of the plugin's cost on
 * redis files (`npm run bench`). The result is shared, so callers must not change it.
 */
export function memoizedPerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (!memo.has(key)) memo.set(key, compute(key));
    return memo.get(key) as V;
  };
}

/** The user's options over the defaults; a deprecated name counts when the current one is not given. */
function resolveOptions(specs: readonly OptionSpec[], defaults: Record<string, unknown>, given: Record<string, unknown> = {}) {
  const options = ESLintUtils.applyDefault([defaults], [given])[0];
  for (const spec of specs) {
    const old = spec.deprecated?.ruleOption;
    if (old && given[spec.name] === undefined && given[old] !== undefined) options[spec.name] = given[old];
  }
  return options;
}

function optionsSchema(specs: readonly OptionSpec[]): JSONSchema.JSONSchema4 {
  const properties: Record<string, JSONSchema.JSONSchema4> = {};
  for (const spec of specs) {
    properties[spec.name] = { ...schemaOfType(spec), description: spec.description };
    const old = spec.deprecated?.ruleOption;
    if (old) properties[old] = { ...schemaOfType(spec), description: `Deprecated: use \`${spec.name}\`.` };
  }
  return { type: 'object', properties, additionalProperties: false };
}

function schemaOfType(spec: OptionSpec): JSONSchema.JSONSchema4 {
  switch (spec.type) {
    case 'positive-integer':
      return { type: 'integer', minimum: 1 };
    case 'string':
      return { type: 'string', minLength: 1 };
    case 'string-list':
      return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
    case 'enum':
      return { type: 'string', enum: [...(spec.values ?? [])] };
  }
}
