import { createSentinel } from 'redis';

export async function connectSentinel() {
  const sentinel = createSentinel({
    name: 'mymaster',
    sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }],
  });
  sentinel.on('error', (err) => console.error('Redis sentinel error:', err));
  await sentinel.connect();
  return sentinel;
}
