import { OWNER_LABEL, findMissingErrorListeners, ownerReportNode, type ErrorListenerProblem } from '../core/analyze';
import { errorListenerEdits } from '../core/remedies';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = ErrorListenerProblem | 'addErrorListener';
export type Options = [{ escapedClients?: 'report' | 'ignore' }];

export default createRule<Options, MessageIds>({
  name: 'require-error-listener',
  meta: {
    type: 'problem',
    docs: {
      description: "Require an 'error' listener on every node-redis client, pool, cluster and duplicate",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      missingErrorListener:
        "This node-redis {{kind}} has no 'error' listener: its first connection error after connect() is thrown and crashes the process. Add `.on('error', handler)` before connecting.",
      missingDuplicateErrorListener:
        "`duplicate()` creates a new {{kind}} that does not inherit its parent's listeners, and this one has no 'error' listener: its first connection error crashes the process. Add `.on('error', handler)` to the duplicate too.",
      onceOnly:
        "This node-redis {{kind}} only has a `once('error')` listener, which handles the first error; the next one crashes the process. Use `.on('error', handler)`.",
      addErrorListener: "Add an 'error' listener that logs with console.error.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          escapedClients: {
            type: 'string',
            enum: ['report', 'ignore'],
            description:
              "What to do with a client that has no listener in this file but leaves it (exported, returned or passed to other code): 'report' (default) or 'ignore'.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ escapedClients: 'report' }],
  },
  create(context, options) {
    return {
      'Program:exit'() {
        const analysis = analyzeLintedFile(context);
        if (!analysis) return;
        const [{ escapedClients }] = options();
        for (const finding of findMissingErrorListeners(analysis)) {
          if (escapedClients === 'ignore' && finding.escapeRoute) continue;
          const edits = errorListenerEdits(finding.owner, lintedRemedyContext(context));
          context.report({
            node: ownerReportNode(finding.owner),
            messageId: finding.problem,
            data: { kind: OWNER_LABEL[finding.owner.kind] },
            suggest: [
              {
                messageId: 'addErrorListener',
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
              },
            ],
          });
        }
      },
    };
  },
});
