import { createClient, createClientPool } from 'redis';

const base = createClient({ socket: { host: 'cache', port: 6379 } });
base.on('error', console.error);
const blocking = base.duplicate();
const isolated = base.duplicate({ socket: { connectTimeout: 0 } });
isolated.on('error', console.error);

export const pool = createClientPool({ url: 'redis://cache' }, { minimum: 1, maximum: 10 });

await Promise.all([base.connect(), blocking.connect()]);
