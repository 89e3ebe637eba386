import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  database: 1,
  disableOfflineQueue: true,
  socket: { connectTimeout: 5000, tls: true },
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
