import { createCluster } from 'redis';

// node-redis forces reconnectStrategy: false on root nodes anyway; only defaults.socket matters.
export const cluster = createCluster({
  rootNodes: [{ url: 'redis://10.0.0.1:7000', socket: { reconnectStrategy: false } }],
});
