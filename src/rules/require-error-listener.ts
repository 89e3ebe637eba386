import { OWNER_LABEL, findMissingErrorListeners, ownerReportNode, type ErrorListenerProblem } from '../core/analyze';
import { errorListenerEdits } from '../core/remedies';
import { findRethrowingErrorListeners, rethrowEdits } from '../core/rethrowing-listeners';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = ErrorListenerProblem | 'rethrowingListener' | 'addErrorListener' | 'logInsteadOfThrowing';
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
      rethrowingListener:
        "This node-redis {{kind}}'s 'error' listener only rethrows: the throw escapes `emit('error')` as an uncaught exception, which crashes the process just as a missing listener would, before node-redis can reconnect. Log or handle the error instead of throwing it.",
      addErrorListener: "Add an 'error' listener that logs with console.error.",
      logInsteadOfThrowing: 'Log the error instead of rethrowing it.',
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
          if (escapedClients === 'ignore' && analysis.clients.escapeRoute(finding.owner)) continue;
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
        for (const finding of findRethrowingErrorListeners(analysis)) {
          const edits = rethrowEdits(finding, lintedRemedyContext(context));
          context.report({
            node: ownerReportNode(finding.owner),
            messageId: 'rethrowingListener',
            data: { kind: OWNER_LABEL[finding.owner.kind] },
            suggest: [
              {
                messageId: 'logInsteadOfThrowing',
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
              },
            ],
          });
        }
      },
    };
  },
});
