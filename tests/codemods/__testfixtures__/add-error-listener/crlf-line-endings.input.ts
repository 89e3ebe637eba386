import { createClient } from 'redis';

export async function start(url: string) {
  const client = createClient({ url }); // primary
  await client.connect();
  return client;
}
