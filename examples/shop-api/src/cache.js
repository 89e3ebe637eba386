// Product cache: read-through cache in front of the catalogue database.
import { createClient } from 'redis';

const TTL_SECONDS = 300;

export const cache = createClient({ url: process.env.REDIS_URL });

export async function connectCache() {
  if (!cache.isOpen) {
    await cache.connect();
  }
  return cache;
}

export async function cached(key, load) {
  const hit = await cache.get(key);
  if (hit !== null) {
    return JSON.parse(hit);
  }
  const value = await load();
  await cache.set(key, JSON.stringify(value), { EX: TTL_SECONDS });
  return value;
}
