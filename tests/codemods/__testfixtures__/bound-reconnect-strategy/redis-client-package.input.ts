import { createClient } from '@redis/client';

export const client = createClient({ socket: { reconnectStrategy: false } });
