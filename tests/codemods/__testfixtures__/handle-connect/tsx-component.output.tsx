import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));
client.connect().catch((err) => console.error('Redis client failed to connect:', err));

export async function Page() {
  const visits = await client.incr('visits');
  return <p>{visits} visits</p>;
}
