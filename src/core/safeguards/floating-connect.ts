import { ownerReportNode } from '../analyze';
import { allowsTopLevelAwait, handleConnectEdits } from '../connect-remedy';
import { validateErrorHandler, type ErrorHandler } from '../error-handler';
import { OWNER_LABEL } from '../redis-modules';
import { offeredRemedy, type Safeguard, type SafeguardInput, type UnseenSite } from './types';

const IN_LISTENER = 'connect() in a listener: node-redis reconnects by itself, remove the call by hand';
const TYPESCRIPT_HANDLER = 'the error handler uses TypeScript syntax, which this JavaScript file cannot hold';
const handlers = new Map<string, ErrorHandler>();

/** The shared `errorHandler` option (the same one `add-error-listener` reads), validated once per text. */
function handlerFor(input: SafeguardInput): ErrorHandler | undefined {
  const source = input.options.errorHandler as string | undefined;
  if (source === undefined) return undefined;
  let handler = handlers.get(source);
  if (!handler) {
    handler = validateErrorHandler(source, 'errorHandler (--error-handler)');
    handlers.set(source, handler);
  }
  return handler;
}

/** Rule `no-floating-connect`, transform `handle-connect`. */
export const floatingConnect: Safeguard<'no-floating-connect', 'handle-connect'> = {
  rule: 'no-floating-connect',
  transform: 'handle-connect',
  summary: 'await connect(), or give it .catch(handler) where the code cannot await',
  options: [
    {
      name: 'errorHandler',
      type: 'string',
      placeholder: '<src>',
      description:
        'The handler the `.catch(…)` remedy passes the rejection to: one function or function name, e.g. "(err) => logger.error(err)" (default: log with console.error).',
    },
  ],
  check(input) {
    const { analysis, remedy, filename } = input;
    const facts = analysis.lifecycle;
    if (!facts) return [];
    const handler = handlerFor(input);
    // A handler in TypeScript syntax cannot go into a JavaScript file: such sites get no `.catch` remedy.
    const handlerFits = !handler || handler.javascript || remedy.typescript;
    const topLevelAwait = allowsTopLevelAwait(filename, facts.moduleSyntax);
    return facts.connects.map((finding) => {
      const context = finding.remedy?.awaitContext;
      const canAwait = context === 'async-function' || (context === 'top-level' && topLevelAwait);
      const edits = canAwait || handlerFits ? handleConnectEdits(finding, canAwait, remedy, handler?.source) : [];
      return {
        node: finding.call,
        messageId: finding.problem,
        data: { kind: OWNER_LABEL[finding.owner.kind], event: finding.event ?? '' },
        remedy: { messageId: canAwait ? 'awaitConnect' : handler ? 'catchConnectWith' : 'catchConnect', data: { handler: handler?.source ?? '' }, edits },
      };
    });
  },
  unseen(input) {
    const limit = input.analysis.lifecycle?.limitOf('connects');
    if (limit) return [{ node: ownerReportNode(input.analysis.owners[0]!), reason: `${limit}: the file is left unchanged` }];
    // Reports the check gives no remedy: the codemod lists them as left alone, with the reason.
    const remedied = new Set(floatingConnect.check(input).flatMap((report) => (offeredRemedy(report) ? [report.node] : [])));
    const sites: UnseenSite[] = [];
    for (const { call, problem } of input.analysis.lifecycle?.connects ?? []) {
      if (!remedied.has(call)) sites.push({ node: call, reason: problem === 'floatingConnect' ? TYPESCRIPT_HANDLER : IN_LISTENER });
    }
    return sites;
  },
};
