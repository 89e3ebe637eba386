import { RedisClient } from 'redis';

export async function openBoth() {
  const viaCreate = RedisClient.create({ url: process.env.PRIMARY_URL });
  viaCreate.on('error', (err) => console.error('Redis client error:', err));
  const viaNew = new RedisClient({ url: process.env.REPLICA_URL });
  viaNew.on('error', (err) => console.error('Redis client error:', err));
  await viaCreate.connect();
  await viaNew.connect();
  return { viaCreate, viaNew };
}
