import { createClient, createCluster } from 'redis';

export const client = createClient({ socket: { connectTimeout: 5000 } });
export const cluster = createCluster({
  rootNodes: [{ url: 'redis://10.0.0.1:7000' }],
  defaults: { socket: { connectTimeout: 5000 } },
});
export const replica = client.duplicate();
export const pool = client.createPool();
