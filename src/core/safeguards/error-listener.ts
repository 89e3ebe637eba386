import { findMissingErrorListeners, ownerReportNode } from '../analyze';
import { validateErrorHandler, type ErrorHandler } from '../error-handler';
import { OWNER_LABEL } from '../redis-modules';
import { errorListenerEdits } from '../remedies';
import { rethrowingListenerReports } from '../rethrowing-listeners';
import type { Safeguard, SafeguardInput } from './types';

const TYPESCRIPT_HANDLER = 'the error handler uses TypeScript syntax, which this JavaScript file cannot hold';
const handlers = new Map<string, ErrorHandler>();

/** The handler option, validated once per distinct text. */
function handlerOf(options: SafeguardInput['options']): ErrorHandler | undefined {
  const source = options.errorHandler as string | undefined;
  if (source === undefined) return undefined;
  let handler = handlers.get(source);
  if (!handler) {
    handler = validateErrorHandler(source, 'errorHandler (--error-handler)');
    handlers.set(source, handler);
  }
  return handler;
}

function fitsFile(handler: ErrorHandler | undefined, input: SafeguardInput): boolean {
  return !handler || handler.javascript || input.remedy.typescript;
}

/** Rule `require-error-listener`, transform `add-error-listener`. */
export const errorListener: Safeguard<'require-error-listener', 'add-error-listener'> = {
  rule: 'require-error-listener',
  transform: 'add-error-listener',
  summary: "client.on('error', handler) after each createClient()",
  options: [
    {
      name: 'errorHandler',
      type: 'string',
      placeholder: '<src>',
      description:
        'The handler the remedy passes to `.on(\'error\', …)`: one function or function name, e.g. "(err) => logger.error(err)" (default: log with console.error).',
    },
    {
      name: 'escapedClients',
      type: 'enum',
      values: ['report', 'ignore'],
      default: 'report',
      ruleOnly: true,
      description:
        "What to do with a client that has no listener in this file but leaves it (exported, returned or passed to other code): 'report' (default) or 'ignore'.",
    },
  ],
  check(input) {
    const { analysis, options } = input;
    const handler = handlerOf(options);
    const rethrowing = rethrowingListenerReports(analysis.lifecycle?.rethrowingListeners ?? [], input.remedy, fitsFile(handler, input) ? handler?.source : undefined);
    const missing = findMissingErrorListeners(analysis)
      .filter(({ escapeRoute }) => options.escapedClients !== 'ignore' || !escapeRoute)
      .map(({ owner, problem }) => ({
        node: ownerReportNode(owner),
        messageId: problem,
        data: { kind: OWNER_LABEL[owner.kind] },
        remedy: fitsFile(handler, input)
          ? {
              messageId: handler ? 'addCustomErrorListener' : 'addErrorListener',
              data: { handler: handler?.source ?? '' },
              edits: errorListenerEdits(owner, input.remedy, handler?.source),
            }
          : undefined,
      }));
    return [...missing, ...rethrowing];
  },
  unseen(input) {
    if (fitsFile(handlerOf(input.options), input)) return [];
    return findMissingErrorListeners(input.analysis).map(({ owner }) => ({ node: ownerReportNode(owner), reason: TYPESCRIPT_HANDLER }));
  },
};
