import { createClient } from '@redis/client';

type Redis = ReturnType<typeof createClient>;
const globalForRedis = globalThis as unknown as { redis?: Redis };

globalThis.redis ??= createClient({ url: process.env.REDIS_URL });

export const redis = globalForRedis.redis ?? createClient({ url: process.env.REDIS_URL });
if (process.env.NODE_ENV !== 'production') globalForRedis.redis = redis;

export function getRedis() {
  const r = globalForRedis.redis ?? createClient();
  r.connect();
  globalForRedis.redis = r;
  return r;
}
