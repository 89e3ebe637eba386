import { OWNER_LABEL, findDisabledReconnects } from '../core/analyze';
import type { ReconnectProblem } from '../core/client-options';
import { DEFAULT_MAX_RETRIES, boundedReconnectEdits } from '../core/remedies';
import { DEFAULT_TEST_FILE_PATTERNS, isTestFile } from '../core/test-files';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = ReconnectProblem | 'useBoundedStrategy';
export type Options = [{ testFilePatterns?: string[]; maxRetries?: number }];

export default createRule<Options, MessageIds>({
  name: 'no-disabled-reconnect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off node-redis reconnection (`reconnectStrategy: false`) outside test files',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      disabled:
        '`reconnectStrategy` turns reconnection off for this node-redis {{kind}}: after the first dropped connection it stays closed and every command fails. Use a bounded strategy `(retries, cause) => number | Error` instead (`false` is for tests).',
      alwaysGivesUp:
        'This `reconnectStrategy` always returns `false` or an Error, so this node-redis {{kind}} never reconnects after a dropped connection. Return a delay in ms for the first attempts and give up only after a bound.',
      conditional:
        'This `reconnectStrategy` is `false` on one branch of a condition: when that branch is taken in production, this node-redis {{kind}} never reconnects. Use a bounded strategy on every branch.',
      useBoundedStrategy: 'Replace with a strategy that backs off and gives up after {{maxRetries}} attempts.',
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
              'Glob patterns (relative to the ESLint working directory) of test files, where disabling reconnection is allowed. They replace the defaults.',
          },
          maxRetries: {
            type: 'integer',
            minimum: 1,
            description: 'Attempts before the suggested strategy gives up (default 20).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFilePatterns: DEFAULT_TEST_FILE_PATTERNS, maxRetries: DEFAULT_MAX_RETRIES }],
  },
  create(context, options) {
    return {
      'Program:exit'() {
        const analysis = analyzeLintedFile(context);
        if (!analysis) return;
        const [{ testFilePatterns, maxRetries = DEFAULT_MAX_RETRIES }] = options();
        if (isTestFile(context.filename, context.cwd, testFilePatterns)) return;
        for (const finding of findDisabledReconnects(analysis)) {
          const edits = boundedReconnectEdits(finding, lintedRemedyContext(context), maxRetries);
          context.report({
            node: finding.target,
            messageId: finding.problem,
            data: { kind: OWNER_LABEL[finding.owner.kind] },
            suggest: [
              {
                messageId: 'useBoundedStrategy',
                data: { maxRetries },
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
              },
            ],
          });
        }
      },
    };
  },
});
