import { createClient } from 'redis';

export async function start(url: string) {
  const client = createClient({ url }); // primary
  client.on('error', (err) => console.error('Redis client error:', err));
  await client.connect();
  return client;
}
