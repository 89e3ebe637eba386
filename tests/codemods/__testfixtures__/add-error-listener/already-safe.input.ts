import { createClient, createCluster } from 'redis';

export async function connectAll() {
  const client = createClient();
  client.on('error', (err) => console.error(err));
  await client.connect();

  const cluster = createCluster({ rootNodes: [{ url: 'redis://localhost:7000' }] }).on('error', console.error);
  await cluster.connect();

  const sub = client.duplicate().on('error', console.error);
  await sub.connect();
  return { client, cluster, sub };
}
