import { RedisClient } from 'redis';

export const viaCreate = RedisClient.create({ url: process.env.PRIMARY_URL });
export const viaNew = new RedisClient({ database: 1 });
