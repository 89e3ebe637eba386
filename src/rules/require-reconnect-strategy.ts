import { OWNER_LABEL, ownerReportNode } from '../core/analyze';
import { findMissingReconnectStrategies, reconnectStrategyEdits, type MissingStrategyProblem } from '../core/reconnect-strategy-presence';
import { DEFAULT_MAX_RETRIES } from '../core/remedies';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = MissingStrategyProblem | 'addBoundedStrategy';
export type Options = [{ maxRetries?: number }];

export default createRule<Options, MessageIds>({
  name: 'require-reconnect-strategy',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a `socket.reconnectStrategy` (one that gives up) where node-redis reads it',
      recommended: false,
    },
    hasSuggestions: true,
    messages: {
      missingReconnectStrategy:
        'This node-redis {{kind}} sets no `socket.reconnectStrategy`, so it retries forever: while Redis is down, `connect()` never settles and commands queue without bound. Set a strategy that backs off and gives up after a bound.',
      missingClusterReconnectStrategy:
        'This cluster sets no `defaults.socket.reconnectStrategy`, where node-redis reads it for every node connection, so its nodes retry forever while Redis is down. Set a strategy that backs off and gives up after a bound.',
      missingSentinelReconnectStrategy:
        'This sentinel sets no `nodeClientOptions.socket.reconnectStrategy`, where node-redis reads it for master and replica connections, so they retry forever while Redis is down. Set a strategy that backs off and gives up after a bound.',
      duplicateSocketOverride:
        "This `duplicate()` overrides `socket`, which replaces the parent's socket options, so the duplicate has no `reconnectStrategy` and retries forever. Set one in the override too.",
      addBoundedStrategy: 'Set a `reconnectStrategy` that backs off and gives up after {{maxRetries}} attempts.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxRetries: {
            type: 'integer',
            minimum: 1,
            description: 'Attempts before the suggested strategy gives up (default 20).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxRetries: DEFAULT_MAX_RETRIES }],
  },
  create(context, options) {
    return {
      'Program:exit'() {
        const analysis = analyzeLintedFile(context);
        if (!analysis) return;
        const [{ maxRetries = DEFAULT_MAX_RETRIES }] = options();
        for (const finding of findMissingReconnectStrategies(analysis)) {
          const edits = reconnectStrategyEdits(finding, lintedRemedyContext(context), maxRetries);
          context.report({
            node: ownerReportNode(finding.owner),
            messageId: finding.problem,
            data: { kind: OWNER_LABEL[finding.owner.kind] },
            suggest: [
              {
                messageId: 'addBoundedStrategy',
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
