import { createClientPool } from 'redis';

export const pool = createClientPool({ socket: { reconnectStrategy: false } }, { maximum: 5 });
