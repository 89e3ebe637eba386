import { floatingConnect } from '../core/safeguards/floating-connect';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(floatingConnect, {
  type: 'problem',
  docs: {
    description: "Require node-redis `connect()` promises to be awaited or handled, and never called from an 'error' or 'end' listener",
    recommended: true,
  },
  messages: {
    floatingConnect:
      "The promise of this node-redis {{kind}}'s `connect()` is dropped: when connecting fails (no 'error' listener, a `reconnectStrategy` that gives up, or a client that is already open) it rejects, which an 'error' listener does not catch, and Node.js exits on the unhandled rejection. Await it, or handle the rejection with `.catch(…)`.",
    connectInErrorListener:
      "Do not call `connect()` in a listener for '{{event}}': node-redis already reconnects this {{kind}} by itself (see `socket.reconnectStrategy`), and `connect()` on a client that is still open rejects with 'Socket already opened'. Remove the call and tune `socket.reconnectStrategy` instead.",
    connectInEndListener:
      "Do not call `connect()` in a listener for 'end': node-redis emits 'end' only after `close()`, `quit()` or `destroy()`, so this reopens a {{kind}} the code has just closed (dropped connections are reconnected by node-redis itself). Remove the call.",
    awaitConnect: 'Await `connect()`.',
    catchConnect: 'Handle the rejection with `.catch(…)`, logging with console.error.',
    catchConnectWith: 'Handle the rejection with `.catch({{handler}})`.',
  },
});
