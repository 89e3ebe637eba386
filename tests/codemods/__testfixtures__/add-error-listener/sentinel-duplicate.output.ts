import { createSentinel } from 'redis';

const sentinel = createSentinel({ name: 'mymaster', sentinelRootNodes: [{ host: 'sentinel-1', port: 26379 }] });
sentinel.on('error', (err) => console.error(err));

export const reader = sentinel.duplicate();
reader.on('error', (err) => console.error('Redis sentinel error:', err));
export { sentinel };
