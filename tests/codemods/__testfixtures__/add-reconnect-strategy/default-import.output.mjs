import redis from 'redis';

export const client = redis.createClient({
  url: 'redis://localhost',
  socket: {
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
