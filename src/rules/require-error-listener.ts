import { errorListener } from '../core/safeguards';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(errorListener, {
  type: 'problem',
  docs: {
    description: "Require an 'error' listener on every node-redis client, pool, cluster and duplicate",
    recommended: true,
  },
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
    addCustomErrorListener: "Add an 'error' listener: {{handler}}.",
    logInsteadOfThrowing: 'Log the error instead of rethrowing it.',
    handleInsteadOfThrowing: 'Pass the error to {{handler}} instead of rethrowing it.',
  },
});
