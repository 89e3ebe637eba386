import { createClient } from 'redis';

const client = createClient();
client.on('error', (err) => console.error('Redis client error:', err));

export async function Banner() {
  await client.connect();
  const text = await client.get('banner');
  return <p>{text}</p>;
}
