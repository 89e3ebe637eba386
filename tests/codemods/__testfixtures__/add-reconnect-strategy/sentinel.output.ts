import { createSentinel } from 'redis';

export const sentinel = createSentinel({
  name: 'mymaster',
  sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }],
  nodeClientOptions: {
    password: process.env.REDIS_PASSWORD,
    socket: {
      reconnectStrategy: (retries: number, cause: Error) =>
        retries >= 20
          ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
          : Math.min(2 ** retries * 50, 2000),
    },
  },
});
