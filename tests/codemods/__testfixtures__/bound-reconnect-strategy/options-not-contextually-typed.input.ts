import { createClient } from 'redis';

const options = { socket: { reconnectStrategy: false } };

export const client = createClient(options);
