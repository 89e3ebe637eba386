import redis from 'redis';

export const client = redis.createClient({ url: 'redis://localhost' });
