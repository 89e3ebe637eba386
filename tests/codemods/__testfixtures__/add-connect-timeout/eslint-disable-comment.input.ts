import { createClient } from 'redis';

// eslint-disable-next-line redis/require-connect-timeout -- the default 5000 ms is fine for this local cache
export const local = createClient({ socket: { host: '127.0.0.1', port: 6379 } });
