import { RedisClient } from 'redis';

const makeClient = RedisClient.factory({});

export async function open(url: string) {
  const client = makeClient({ url });
  await client.connect();
  return client;
}
