import { RedisClient } from 'redis';

export async function openBoth() {
  const viaCreate = RedisClient.create({ url: process.env.PRIMARY_URL });
  const viaNew = new RedisClient({ url: process.env.REPLICA_URL });
  await viaCreate.connect();
  await viaNew.connect();
  return { viaCreate, viaNew };
}
