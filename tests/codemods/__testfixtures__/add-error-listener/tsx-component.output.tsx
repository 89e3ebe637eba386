import { createClient } from 'redis';

const client = createClient();
client.on('error', (err) => console.error('Redis client error:', err));

export async function ViewCount({ page }: { page: string }) {
  if (!client.isOpen) await client.connect();
  const views = await client.incr(`views:${page}`);
  return <span className="views">{views}</span>;
}
