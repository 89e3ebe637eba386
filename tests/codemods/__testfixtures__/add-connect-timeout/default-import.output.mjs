import redis from 'redis';

export const client = redis.createClient({
  url: 'redis://localhost',
  socket: { connectTimeout: 10000 },
});
