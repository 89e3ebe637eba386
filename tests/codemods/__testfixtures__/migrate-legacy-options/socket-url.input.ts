import { createClient } from 'redis';

const client = createClient({ socket: { url: process.env.REDIS_URL, connectTimeout: 5000 } });
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
