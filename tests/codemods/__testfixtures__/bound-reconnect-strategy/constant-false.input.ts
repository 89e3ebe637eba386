import { createClient } from 'redis';

const NO_RECONNECT = false;

export const client = createClient({ socket: { reconnectStrategy: NO_RECONNECT } });
