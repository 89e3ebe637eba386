import { OWNER_LABEL, findMissingConnectTimeouts, type ConnectTimeoutFinding, type FileAnalysis } from '../core/analyze';
import type { ConnectTimeoutProblem } from '../core/client-options';
import { clientOptionsPrefix, topLevelConnectTimeout, type LegacyOptionFinding } from '../core/legacy-options';
import { legacyOptionEdits } from '../core/legacy-option-remedies';
import { DEFAULT_CONNECT_TIMEOUT_MS, connectTimeoutEdits } from '../core/remedies';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = ConnectTimeoutProblem | 'topLevelTimeout' | 'addConnectTimeout' | 'moveConnectTimeout';

const MISSING_IN_SOCKET = new Set<ConnectTimeoutProblem>(['missingTimeout', 'missingClusterTimeout', 'missingSentinelTimeout']);

/** The `connectTimeout` written beside `socket` instead of in it, when that is why the check found none. */
function misplacedTimeout(analysis: FileAnalysis, finding: ConnectTimeoutFinding): LegacyOptionFinding | undefined {
  return MISSING_IN_SOCKET.has(finding.problem) ? topLevelConnectTimeout(analysis, finding.owner) : undefined;
}
export type Options = [{ suggestedTimeout?: number }];

export default createRule<Options, MessageIds>({
  name: 'require-connect-timeout',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require an explicit `socket.connectTimeout` where node-redis reads it',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      missingTimeout:
        'This node-redis {{kind}} does not set `socket.connectTimeout`. Choose how long a connection attempt may take (node-redis silently defaults to 5000 ms) and set it explicitly.',
      missingClusterTimeout:
        'This cluster does not set `defaults.socket.connectTimeout`, where node-redis reads it for every node connection. Set it explicitly (the default is 5000 ms).',
      clusterRootNodesOnly:
        '`connectTimeout` is set only in `rootNodes`, which node-redis uses only to discover the topology; connections to the cluster nodes read `defaults.socket`. Set `defaults.socket.connectTimeout`.',
      missingSentinelTimeout:
        'This sentinel does not set `nodeClientOptions.socket.connectTimeout`, where node-redis reads it for master and replica connections. Set it explicitly (the default is 5000 ms).',
      duplicateSocketOverride:
        "This `duplicate()` overrides `socket`, which replaces the parent's socket options, so the duplicate has no `connectTimeout`. Set `connectTimeout` in the override too.",
      topLevelTimeout:
        'This node-redis {{kind}} sets `{{prefix}}connectTimeout`, which node-redis v4+ ignores: it reads `{{prefix}}socket.connectTimeout`. Move it into `socket`.',
      timeoutDisabled:
        '`connectTimeout: 0` disables the connect timeout: a connection attempt to an unreachable server can hang until the operating system gives up. Set a positive number of milliseconds.',
      addConnectTimeout: 'Set `connectTimeout: {{milliseconds}}`.',
      moveConnectTimeout: 'Move `connectTimeout` into `socket`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          suggestedTimeout: {
            type: 'integer',
            minimum: 1,
            description: 'Milliseconds written by the editor suggestion (default 10000).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ suggestedTimeout: DEFAULT_CONNECT_TIMEOUT_MS }],
  },
  create(context, options) {
    return {
      'Program:exit'() {
        const analysis = analyzeLintedFile(context);
        if (!analysis) return;
        const [{ suggestedTimeout = DEFAULT_CONNECT_TIMEOUT_MS }] = options();
        for (const finding of findMissingConnectTimeouts(analysis)) {
          const misplaced = misplacedTimeout(analysis, finding);
          const remedyContext = lintedRemedyContext(context);
          const edits = misplaced ? legacyOptionEdits(misplaced, remedyContext) : connectTimeoutEdits(finding, remedyContext, suggestedTimeout);
          context.report({
            node: finding.reportNode,
            messageId: misplaced ? 'topLevelTimeout' : finding.problem,
            data: { kind: OWNER_LABEL[finding.owner.kind], prefix: clientOptionsPrefix(finding.owner) },
            suggest:
              edits.length === 0
                ? []
                : [
                    {
                      messageId: misplaced ? 'moveConnectTimeout' : 'addConnectTimeout',
                      data: { milliseconds: suggestedTimeout },
                      fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
                    },
                  ],
          });
        }
      },
    };
  },
});
