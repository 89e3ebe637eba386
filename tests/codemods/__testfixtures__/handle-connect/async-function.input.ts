import { createClient } from 'redis';

export async function start(url: string) {
  const client = createClient({ url });
  client.on('error', (err) => console.error(err));
  client.connect();
  return client;
}
