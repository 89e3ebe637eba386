import { createClient } from 'redis';

const client = await createClient({ url: process.env.REDIS_URL }).connect();

export async function remember(key: string, value: string) {
  await client.set(key, value);
}
