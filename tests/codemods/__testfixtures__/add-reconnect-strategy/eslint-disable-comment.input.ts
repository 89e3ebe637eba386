import { createClient } from 'redis';

// eslint-disable-next-line redis/require-reconnect-strategy -- a local cache: retrying forever is what we want here
export const local = createClient({ socket: { host: '127.0.0.1', port: 6379 } });

export const remote = createClient({ url: process.env.REDIS_URL });
