import redis from 'redis';

const publisher = redis.createClient({ url: 'redis://localhost:6379' });
publisher.on('error', (err) => console.error('Redis client error:', err));
await publisher.connect();

export function announce(message) {
  return publisher.publish('announcements', message);
}
