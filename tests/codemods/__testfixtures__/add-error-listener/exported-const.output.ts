import { createClient } from 'redis';

export const cache = createClient({ url: process.env.CACHE_URL });
cache.on('error', (err) => console.error('Redis client error:', err));

export async function warmUp() {
  await cache.connect();
}
