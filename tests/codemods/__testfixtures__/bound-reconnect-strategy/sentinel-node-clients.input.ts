import { createSentinel } from 'redis';

export const sentinel = createSentinel({
  name: 'mymaster',
  sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }],
  nodeClientOptions: { socket: { reconnectStrategy: false } },
});
