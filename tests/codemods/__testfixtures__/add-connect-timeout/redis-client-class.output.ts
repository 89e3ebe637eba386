import { RedisClient } from 'redis';

export const viaCreate = RedisClient.create({
  url: process.env.PRIMARY_URL,
  socket: { connectTimeout: 10000 },
});
export const viaNew = new RedisClient({ database: 1, socket: { connectTimeout: 10000 } });
