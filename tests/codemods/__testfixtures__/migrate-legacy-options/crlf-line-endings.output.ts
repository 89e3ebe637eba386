import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 2000 }, // ms
  database: 1,
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
