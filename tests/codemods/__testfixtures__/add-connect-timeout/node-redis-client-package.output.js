import { createClient } from '@node-redis/client';

export const client = createClient({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 10000 },
});
