import { createCluster, createSentinel } from 'redis';

const NODES = [{ url: 'redis://10.0.0.1:7000' }, { url: 'redis://10.0.0.2:7000' }];

export const cluster = createCluster({
  rootNodes: NODES,
  defaults: {
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(retries * 100, 3000) },
  },
});
cluster.on('error', (e) => console.error(e));

export const sentinel = createSentinel({
  name: 'mymaster',
  sentinelRootNodes: [{ host: 'localhost', port: 26379 }],
  nodeClientOptions: { socket: { reconnectStrategy: () => false } },
});
