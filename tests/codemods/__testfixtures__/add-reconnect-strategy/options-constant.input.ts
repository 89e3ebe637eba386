import { createClient } from 'redis';

const options = {
  url: process.env.REDIS_URL,
  pingInterval: 60_000,
};

export const client = createClient(options);
