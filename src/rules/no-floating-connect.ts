import { OWNER_LABEL } from '../core/analyze';
import { findConnectProblems, type ConnectProblem } from '../core/connect-calls';
import { allowsTopLevelAwait, handleConnectEdits } from '../core/connect-remedy';
import { analyzeLintedFile, lintedRemedyContext } from './utils/analysis';
import { createRule } from './utils/create-rule';

export type MessageIds = ConnectProblem | 'awaitConnect' | 'catchConnect';

export default createRule<[], MessageIds>({
  name: 'no-floating-connect',
  meta: {
    type: 'problem',
    docs: {
      description: "Require node-redis `connect()` promises to be awaited or handled, and never called from an 'error' or 'end' listener",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      floatingConnect:
        "The promise of this node-redis {{kind}}'s `connect()` is dropped: when connecting fails (no 'error' listener, a `reconnectStrategy` that gives up, or a client that is already open) it rejects, which an 'error' listener does not catch, and Node.js exits on the unhandled rejection. Await it, or handle the rejection with `.catch(…)`.",
      connectInErrorListener:
        "Do not call `connect()` in a listener for '{{event}}': node-redis already reconnects this {{kind}} by itself (see `socket.reconnectStrategy`), and `connect()` on a client that is still open rejects with 'Socket already opened'. Remove the call and tune `socket.reconnectStrategy` instead.",
      connectInEndListener:
        "Do not call `connect()` in a listener for 'end': node-redis emits 'end' only after `close()`, `quit()` or `destroy()`, so this reopens a {{kind}} the code has just closed (dropped connections are reconnected by node-redis itself). Remove the call.",
      awaitConnect: 'Await `connect()`.',
      catchConnect: 'Handle the rejection with `.catch(…)`, logging with console.error.',
    },
    schema: [],
    // createRule's type asks every rule for its defaults; this rule has no options.
    // eslint-disable-next-line eslint-plugin/require-meta-default-options
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = analyzeLintedFile(context);
        if (!analysis) return;
        const { sourceCode } = context;
        const topLevelAwait = allowsTopLevelAwait({
          filename: context.filename,
          sourceType: context.languageOptions.sourceType,
          ast: sourceCode.ast,
          globalScope: analysis.clients.values.globalScope,
        });
        for (const finding of findConnectProblems(analysis, { topLevelAwait })) {
          const edits = handleConnectEdits(finding, lintedRemedyContext(context));
          context.report({
            node: finding.call,
            messageId: finding.problem,
            data: { kind: OWNER_LABEL[finding.owner.kind], event: finding.event },
            suggest:
              edits.length === 0
                ? []
                : [
                    {
                      messageId: finding.remedy?.canAwait ? 'awaitConnect' : 'catchConnect',
                      fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
                    },
                  ],
          });
        }
      },
    };
  },
});
