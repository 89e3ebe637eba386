import { createClient } from 'redis';

const client = createClient({ socket: { connectTimeout: 5000 }, url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));

export async function start() {
  await client.connect();
}
