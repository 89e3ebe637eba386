import { reconnectStrategy } from '../core/safeguards/reconnect-strategy';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(reconnectStrategy, {
  type: 'problem',
  docs: {
    description: 'Disallow turning off node-redis reconnection (`reconnectStrategy: false`) outside test files',
    recommended: true,
  },
  messages: {
    disabled:
      '`reconnectStrategy` turns reconnection off for this node-redis {{kind}}: after the first dropped connection it stays closed and every command fails. Use a bounded strategy `(retries, cause) => number | Error` instead (`false` is for tests).',
    alwaysGivesUp:
      'This `reconnectStrategy` always returns `false` or an Error, so this node-redis {{kind}} never reconnects after a dropped connection. Return a delay in ms for the first attempts and give up only after a bound.',
    conditional:
      'This `reconnectStrategy` is `false` on one branch of a condition: when that branch is taken in production, this node-redis {{kind}} never reconnects. Use a bounded strategy on every branch.',
    useBoundedStrategy: 'Replace with a strategy that backs off and gives up after {{maxRetries}} attempts.',
  },
});
