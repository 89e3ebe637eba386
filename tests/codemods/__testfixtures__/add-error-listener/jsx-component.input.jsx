import { createClient } from 'redis';

const client = createClient();

export async function Banner() {
  await client.connect();
  const text = await client.get('banner');
  return <p>{text}</p>;
}
