import { createClient } from 'redis';

export async function makePool() {
  const base = createClient({ url: process.env.REDIS_URL });
  base.on('error', (err) => console.error(err));
  const pool = base.createPool({ maximum: 4 });
  pool.on('error', (err) => console.error('Redis client pool error:', err));
  await pool.connect();
  return pool;
}
