import { createCluster } from 'redis';

export async function connectCluster() {
  const cluster = createCluster({
    rootNodes: [{ url: 'redis://10.0.0.1:7000' }, { url: 'redis://10.0.0.2:7000' }],
  });
  await cluster.connect();

  const copy = cluster.duplicate();
  await copy.connect();
  return [cluster, copy];
}
