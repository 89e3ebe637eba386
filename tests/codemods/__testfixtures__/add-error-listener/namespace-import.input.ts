import * as redis from 'redis';

export async function counter(key: string): Promise<number> {
  const store = redis.createClient();
  await store.connect();
  try {
    return await store.incr(key);
  } finally {
    await store.close();
  }
}
