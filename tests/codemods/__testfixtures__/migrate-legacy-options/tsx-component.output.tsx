import { createClient } from 'redis';

const client = createClient({ url: 'redis://cache:6379' });
client.on('error', (err: Error) => console.error(err));

export async function start() {
  await client.connect();
}

export function Status({ name }: { name: string }) {
  return <p>{name}</p>;
}
