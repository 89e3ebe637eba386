import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  socket: { noDelay: true, connectTimeout: 2000 },
});
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
