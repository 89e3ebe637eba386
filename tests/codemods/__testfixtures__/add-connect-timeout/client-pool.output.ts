import { createClientPool } from 'redis';

export const pool = createClientPool({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 10000 },
}, { maximum: 20 });
