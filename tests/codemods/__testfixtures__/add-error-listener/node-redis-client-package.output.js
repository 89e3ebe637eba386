import { createClient } from '@node-redis/client';

const legacyPackageClient = createClient({ socket: { host: 'cache.internal', port: 6380 } });
legacyPackageClient.on('error', (err) => console.error('Redis client error:', err));

export async function start() {
  await legacyPackageClient.connect();
}
