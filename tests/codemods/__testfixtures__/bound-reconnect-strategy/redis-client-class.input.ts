import { RedisClient } from 'redis';

export const viaCreate = RedisClient.create({ socket: { reconnectStrategy: false } });
export const viaNew = new RedisClient({ socket: { reconnectStrategy: () => false } });
