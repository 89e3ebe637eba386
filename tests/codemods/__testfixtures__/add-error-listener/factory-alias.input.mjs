import redis from 'redis';

const makeClient = redis.createClient;

export async function open(url) {
  const client = makeClient({ url });
  await client.connect();
  return client;
}
