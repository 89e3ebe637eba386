import { createClient } from 'redis';

// Reconnection turned off is bound-reconnect-strategy's to fix: this transform adds a strategy only where none is set.
export const client = createClient({ socket: { reconnectStrategy: false } });
