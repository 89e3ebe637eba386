import { createClient } from 'redis';

export const client = createClient({
  url: process.env.REDIS_URL,
  socket: {
    reconnectStrategy: (retries) => (retries > 10 ? new Error('Redis is gone') : retries * 100),
  },
});
