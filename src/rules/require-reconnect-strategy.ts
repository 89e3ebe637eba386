import { missingReconnectStrategy } from '../core/safeguards/missing-reconnect-strategy';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(missingReconnectStrategy, {
  type: 'suggestion',
  docs: {
    description: 'Require a `socket.reconnectStrategy` (one that gives up) where node-redis reads it',
    recommended: false,
  },
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
});
