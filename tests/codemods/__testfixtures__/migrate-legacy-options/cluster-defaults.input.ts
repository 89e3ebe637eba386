import { createCluster } from 'redis';

const cluster = createCluster({
  rootNodes: [{ url: 'redis://node-1:6379' }],
  defaults: { password: process.env.REDIS_PASSWORD, tls: true },
});
cluster.on('error', (err) => console.error(err));

export async function start() {
  await cluster.connect();
}
