import { createClient } from 'redis';

const client = createClient();

export async function ViewCount({ page }: { page: string }) {
  if (!client.isOpen) await client.connect();
  const views = await client.incr(`views:${page}`);
  return <span className="views">{views}</span>;
}
