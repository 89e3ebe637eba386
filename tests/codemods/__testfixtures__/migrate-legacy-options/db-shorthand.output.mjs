import { createClient } from 'redis';

export async function connect(url, db) {
  const client = createClient({ url, database: db });
  client.on('error', console.error);
  await client.connect();
  return client;
}
