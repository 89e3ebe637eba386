import { errorListener } from '../core/safeguards/error-listener';
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
    addErrorListener: "Add an 'error' listener that logs with console.error.",
    addCustomErrorListener: "Add an 'error' listener: {{handler}}.",
  },
});
