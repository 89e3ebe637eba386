import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { ownerReportNode } from '../core/analyze';
import { perRequestFindings, type PerRequestProblem } from '../core/client-per-request';
import { DEFAULT_TEST_FILE_PATTERNS, isTestFile } from '../core/test-files';
import { analyzeLintedFile } from './utils/analysis';
import { NO_OPTIONS, REPOSITORY_URL, memoizedPerObject, type RedisRuleDocs } from './utils/create-rule';

type Options = [{ testFilePatterns?: string[] }];
const NAME = 'no-client-per-request';
const DEFAULT_OPTIONS: Options = [{ testFilePatterns: DEFAULT_TEST_FILE_PATTERNS }];
const optionsOf = memoizedPerObject((given: Options[0]) => ESLintUtils.applyDefault(DEFAULT_OPTIONS, [given])[0]);

/** No remedy, so not a safeguard: where the client should live is the user's design decision. */
const rule: TSESLint.RuleModule<PerRequestProblem, Options, RedisRuleDocs> & { name: string } = {
  name: NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating a node-redis client for every request instead of once per process',
      recommended: true,
      url: `${REPOSITORY_URL}/blob/main/docs/rules/${NAME}.md`,
    } as RedisRuleDocs,
    messages: {
      clientPerRequest:
        "`{{factory}}` runs for every request here ({{where}}): each request opens a new Redis connection and pays its handshake, and connections that are not closed pile up until Redis refuses clients ('max number of clients reached'). Create the client once (at module scope, or cached: `globalThis.redis ??= …`) and reuse it.",
      clientPerCall:
        "This function creates, connects and closes a node-redis client on every call: each call pays for a new connection and handshake, and concurrent calls multiply connections toward Redis's `maxclients`. Create the client once (at module scope, or cached) and reuse it.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFilePatterns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Glob patterns (relative to the ESLint working directory) of test files, where a client per test is fine. They replace the defaults.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFilePatterns: DEFAULT_TEST_FILE_PATTERNS }],
  },
  defaultOptions: DEFAULT_OPTIONS,
  create(context) {
    return {
      'Program:exit'() {
        const facts = analyzeLintedFile(context)?.lifecycle;
        if (!facts) return;
        // Merged only here, in files that use node-redis (see createSafeguardRule).
        const { testFilePatterns } = optionsOf(context.options[0] ?? NO_OPTIONS);
        if (isTestFile(context.filename, context.cwd, testFilePatterns)) return;
        const relativePath = path.relative(context.cwd, path.resolve(context.cwd, context.filename)).split(path.sep).join('/');
        for (const finding of perRequestFindings(facts.perRequest, relativePath)) {
          const { factory } = finding.owner;
          context.report({
            node: ownerReportNode(finding.owner),
            messageId: finding.problem,
            data: { factory: factory.startsWith('new ') ? factory : `${factory}()`, where: finding.where },
          });
        }
      },
    };
  },
};

export default rule;
