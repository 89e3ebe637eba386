import { createClient } from 'redis';

const client = createClient({
  host: 'cache.internal',
  port: 6380,
  tls: true,
  password: process.env.REDIS_PASSWORD,
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
