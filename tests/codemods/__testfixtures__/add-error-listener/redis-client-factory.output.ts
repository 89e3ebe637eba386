import { RedisClient } from 'redis';

const makeClient = RedisClient.factory({});

export async function open(url: string) {
  const client = makeClient({ url });
  client.on('error', (err) => console.error('Redis client error:', err));
  await client.connect();
  return client;
}
