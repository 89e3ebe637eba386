import * as redis from 'redis';

export async function counter(key: string): Promise<number> {
  const store = redis.createClient();
  store.on('error', (err) => console.error('Redis client error:', err));
  await store.connect();
  try {
    return await store.incr(key);
  } finally {
    await store.close();
  }
}
