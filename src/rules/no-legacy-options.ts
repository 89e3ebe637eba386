import { legacyOptions } from '../core/safeguards/legacy-options';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(legacyOptions, {
  type: 'problem',
  docs: {
    description: 'Disallow node-redis v2/v3 options that v4+ silently ignores',
    recommended: true,
  },
  messages: {
    positionalArguments:
      'node-redis v4+ reads one options object and ignores {{key}}, so the client connects to localhost:6379. Pass {{replacement}} instead.',
    topLevelSocketOption: 'node-redis v4+ ignores a top-level `{{key}}`: it reads `{{replacement}}`, so this setting has no effect.',
    renamedOption: 'node-redis v4+ ignores `{{key}}`: it reads `{{replacement}}`, so this setting has no effect.',
    offlineQueueOption:
      'node-redis v4+ ignores `{{key}}`: it reads `disableOfflineQueue`, which means the opposite (`{{key}}: false` is `disableOfflineQueue: true`).',
    retryStrategyOption:
      'node-redis v4+ ignores `retry_strategy`, so the client retries forever. The v4+ equivalent is `socket.reconnectStrategy: (retries, cause) => delay in ms, or an Error to stop`; it gets a retry count instead of an options object, so rewrite it by hand.',
    connectTimeoutOption:
      'node-redis v4+ ignores `connect_timeout`, which in v3 limited the total time spent reconnecting. In v4+ `socket.connectTimeout` limits each connection attempt and a `socket.reconnectStrategy` that returns an Error ends the retries: set those instead.',
    snakeCaseOption:
      'node-redis v4+ ignores `{{key}}`: it is a v2/v3 option (v4+ options are camelCase). Remove it, or set its v4+ equivalent from the node-redis v3 to v4 migration guide.',
    socketUrl: 'node-redis v4+ ignores `socket.url`: it reads `url` at the top level of the client options.',
    legacyModeRemoved:
      'node-redis v5 removed `legacyMode`: it is ignored and the client keeps the promise API. Call `client.legacy()` for the callback API.',
    useOptionsObject: 'Pass {{replacement}}.',
    moveIntoSocket: 'Move `{{key}}` into `socket`.',
    renameOption: 'Rename `{{key}}` to `{{replacement}}`.',
    invertOfflineQueue: 'Replace with `disableOfflineQueue`, inverted.',
    moveUrlOut: 'Move `url` out of `socket`.',
  },
});
