import { createClient } from '@node-redis/client';

const legacyPackageClient = createClient({ socket: { host: 'cache.internal', port: 6380 } });

export async function start() {
  await legacyPackageClient.connect();
}
