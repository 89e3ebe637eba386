import { createCluster } from 'redis';

export const cluster = createCluster({
  rootNodes: [
    { url: 'redis://10.0.0.1:7000', socket: { connectTimeout: 2000 } },
  ],
  useReplicas: true,
  defaults: {
    socket: {
      reconnectStrategy: (retries: number, cause: Error) =>
        retries >= 20
          ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
          : Math.min(2 ** retries * 50, 2000),
    },
  },
});
