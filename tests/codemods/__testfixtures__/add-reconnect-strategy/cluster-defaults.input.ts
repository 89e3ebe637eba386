import { createCluster } from 'redis';

export const cluster = createCluster({
  rootNodes: [{ url: 'redis://10.0.0.1:7000' }],
  defaults: {
    password: process.env.CLUSTER_PASSWORD,
  },
});
