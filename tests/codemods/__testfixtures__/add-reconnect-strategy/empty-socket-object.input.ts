import { createClient } from 'redis';

export const client = createClient({ socket: {} });
