import { createClient } from '@node-redis/client';

export const client = createClient({ socket: { reconnectStrategy: () => new Error('no retries') } });
