import { createClientPool } from 'redis';

export const pool = createClientPool({ url: process.env.REDIS_URL }, { maximum: 20 });
