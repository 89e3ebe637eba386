import * as redis from 'redis';

export const client = redis.createClient({ socket: { port: 6379, connectTimeout: 10000 } });
