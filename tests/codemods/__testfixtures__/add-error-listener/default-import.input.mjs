import redis from 'redis';

const publisher = redis.createClient({ url: 'redis://localhost:6379' });
await publisher.connect();

export function announce(message) {
  return publisher.publish('announcements', message);
}
