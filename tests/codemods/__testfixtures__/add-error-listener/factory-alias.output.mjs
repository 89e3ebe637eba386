import redis from 'redis';

const makeClient = redis.createClient;

export async function open(url) {
  const client = makeClient({ url });
  client.on('error', (err) => console.error('Redis client error:', err));
  await client.connect();
  return client;
}
