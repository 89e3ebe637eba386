import { createSentinel } from 'redis';

export async function connectSentinel() {
  const sentinel = createSentinel({
    name: 'mymaster',
    sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }],
  });
  await sentinel.connect();
  return sentinel;
}
