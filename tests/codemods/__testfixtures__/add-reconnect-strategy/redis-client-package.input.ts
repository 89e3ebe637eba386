import { createClient } from '@redis/client';

export const client = createClient({ name: 'reports', socket: { keepAlive: true } });
