import { createClient, type RedisClientOptions } from 'redis';

const options: RedisClientOptions = {
  url: process.env.REDIS_URL,
  // the cache lives in its own database
  database: 2,
};

export const cache = createClient(options);
cache.on('error', (err: Error) => console.error(err));

export async function start() {
  await cache.connect();
}
