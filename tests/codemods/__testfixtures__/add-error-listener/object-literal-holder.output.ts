import { createClient } from 'redis';

const connections = { cache: createClient({ url: process.env.CACHE_URL }) };
connections.cache.on('error', (err) => console.error('cache', err));

export async function start() {
  await connections.cache.connect();
}
