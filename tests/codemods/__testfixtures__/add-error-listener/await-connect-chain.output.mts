import { createClient } from 'redis';

const client = await createClient({ url: process.env.REDIS_URL }).on('error', (err) => console.error('Redis client error:', err)).connect();

export async function remember(key: string, value: string) {
  await client.set(key, value);
}
