import { createClient } from 'redis';

export const cache = createClient({ url: process.env.CACHE_URL });

export async function warmUp() {
  await cache.connect();
}
