import { createCluster } from 'redis';

export const cluster = createCluster({
  rootNodes: [
    { url: 'redis://10.0.0.1:7000', socket: { connectTimeout: 2000 } },
  ],
  useReplicas: true,
});
