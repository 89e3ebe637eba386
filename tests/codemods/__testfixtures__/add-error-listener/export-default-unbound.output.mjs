import { createClient } from 'redis';

export default createClient({ url: process.env.REDIS_URL }).on('error', (err) => console.error('Redis client error:', err));
