import { createClient as createRedisClient } from 'redis';

export async function openCache(url: string) {
  const cache = createRedisClient({ url });
  cache.on('error', (err) => console.error('Redis client error:', err));
  await cache.connect();
  return cache;
}
