import * as redis from 'redis';

export const client = redis.createClient({ socket: { reconnectStrategy: false } });
