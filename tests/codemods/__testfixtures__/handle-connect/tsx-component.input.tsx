import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));
client.connect();

export async function Page() {
  const visits = await client.incr('visits');
  return <p>{visits} visits</p>;
}
