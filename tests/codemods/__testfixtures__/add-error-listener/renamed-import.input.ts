import { createClient as createRedisClient } from 'redis';

export async function openCache(url: string) {
  const cache = createRedisClient({ url });
  await cache.connect();
  return cache;
}
