import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('cache error', err));
await client.connect();

export async function remember(key, value) {
  await client.set(key, JSON.stringify(value), { EX: 60 });
}
