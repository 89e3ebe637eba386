import { connectTimeout } from '../core/safeguards';
import { createSafeguardRule } from './utils/create-rule';

export default createSafeguardRule(connectTimeout, {
  type: 'suggestion',
  docs: {
    description: 'Require an explicit `socket.connectTimeout` where node-redis reads it',
    recommended: true,
  },
  messages: {
    missingTimeout:
      'This node-redis {{kind}} does not set `socket.connectTimeout`. Choose how long a connection attempt may take (node-redis silently defaults to 5000 ms) and set it explicitly.',
    missingClusterTimeout:
      'This cluster does not set `defaults.socket.connectTimeout`, where node-redis reads it for every node connection. Set it explicitly (the default is 5000 ms).',
    clusterRootNodesOnly:
      '`connectTimeout` is set only in `rootNodes`, which node-redis uses only to discover the topology; connections to the cluster nodes read `defaults.socket`. Set `defaults.socket.connectTimeout`.',
    missingSentinelTimeout:
      'This sentinel does not set `nodeClientOptions.socket.connectTimeout`, where node-redis reads it for master and replica connections. Set it explicitly (the default is 5000 ms).',
    duplicateSocketOverride:
      "This `duplicate()` overrides `socket`, which replaces the parent's socket options, so the duplicate has no `connectTimeout`. Set `connectTimeout` in the override too.",
    topLevelTimeout:
      'This node-redis {{kind}} sets `{{prefix}}connectTimeout`, which node-redis v4+ ignores: it reads `{{prefix}}socket.connectTimeout`. Move it into `socket`.',
    timeoutDisabled:
      '`connectTimeout: 0` disables the connect timeout: a connection attempt to an unreachable server can hang until the operating system gives up. Set a positive number of milliseconds.',
    positionalArguments:
      'This node-redis {{kind}} passes v2/v3 positional arguments, which node-redis v4+ ignores, so it has no `socket.connectTimeout` (node-redis silently defaults to 5000 ms). Pass an options object (see `redis/no-legacy-options`) and set `socket.connectTimeout` in it.',
    addConnectTimeout: 'Set `connectTimeout: {{milliseconds}}`.',
    moveConnectTimeout: 'Move `connectTimeout` into `socket`.',
  },
});
