import { createCluster } from 'redis';

export async function connectCluster() {
  const cluster = createCluster({
    rootNodes: [{ url: 'redis://10.0.0.1:7000' }, { url: 'redis://10.0.0.2:7000' }],
  });
  cluster.on('error', (err) => console.error('Redis cluster error:', err));
  await cluster.connect();

  const copy = cluster.duplicate();
  copy.on('error', (err) => console.error('Redis cluster error:', err));
  await copy.connect();
  return [cluster, copy];
}
