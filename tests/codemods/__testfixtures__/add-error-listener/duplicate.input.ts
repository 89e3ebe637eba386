import { createClient } from 'redis';

export async function subscribe(channel: string, onMessage: (message: string) => void) {
  const client = createClient();
  client.on('error', (err) => console.error('main connection', err));
  await client.connect();

  const subscriber = client.duplicate();
  await subscriber.connect();
  await subscriber.subscribe(channel, onMessage);
  return { client, subscriber };
}
