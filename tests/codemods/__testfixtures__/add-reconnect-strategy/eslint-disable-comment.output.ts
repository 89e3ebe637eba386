import { createClient } from 'redis';

// eslint-disable-next-line redis/require-reconnect-strategy -- a local cache: retrying forever is what we want here
export const local = createClient({ socket: { host: '127.0.0.1', port: 6379 } });

export const remote = createClient({
  url: process.env.REDIS_URL,
  socket: {
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
