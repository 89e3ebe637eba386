import { createClient } from 'redis';

export async function connectOnce() {
  const client = createClient();
  client.once('error', (err) => console.error('first error only', err));
  await client.connect();
  return client;
}
