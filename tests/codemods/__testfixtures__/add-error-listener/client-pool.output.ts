import { createClientPool } from 'redis';

export async function startPool() {
  const pool = createClientPool({ url: process.env.REDIS_URL }, { minimum: 2, maximum: 10 });
  pool.on('error', (err) => console.error('Redis client pool error:', err));
  await pool.connect();
  return pool;
}
