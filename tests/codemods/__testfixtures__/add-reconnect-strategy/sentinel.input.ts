import { createSentinel } from 'redis';

export const sentinel = createSentinel({
  name: 'mymaster',
  sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }],
  nodeClientOptions: {
    password: process.env.REDIS_PASSWORD,
  },
});
