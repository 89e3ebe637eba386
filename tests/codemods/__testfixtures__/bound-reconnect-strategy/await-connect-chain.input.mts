import { createClient } from 'redis';

export const client = await createClient({ socket: { reconnectStrategy: false } })
  .on('error', (err) => console.error(err))
  .connect();
