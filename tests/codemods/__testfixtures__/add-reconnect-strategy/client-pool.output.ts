import { createClientPool } from 'redis';

export const pool = createClientPool({
  url: process.env.REDIS_URL,
  socket: {
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
}, { maximum: 20 });
