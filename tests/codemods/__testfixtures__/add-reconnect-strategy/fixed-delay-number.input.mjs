import { createClient } from 'redis';

// A number is a strategy too (a fixed delay, still forever), and it is the user's choice: left alone.
export const client = createClient({ socket: { reconnectStrategy: 1000 } });
