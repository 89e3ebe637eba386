import { createClient } from 'redis';

const options = {
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 10000 },
  pingInterval: 60_000,
};

export const client = createClient(options);
