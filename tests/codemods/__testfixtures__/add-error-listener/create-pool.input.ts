import { createClient } from 'redis';

export async function makePool() {
  const base = createClient({ url: process.env.REDIS_URL });
  base.on('error', (err) => console.error(err));
  const pool = base.createPool({ maximum: 4 });
  await pool.connect();
  return pool;
}
