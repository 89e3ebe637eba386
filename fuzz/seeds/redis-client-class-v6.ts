import { RedisClient } from 'redis';

const options = { url: process.env.CACHE_URL, socket: { connectTimeout: 1500 } };

export const direct = new RedisClient(options);
direct.on('error', (err: Error) => console.error(err));

export default new RedisClient;
