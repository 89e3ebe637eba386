import { createClient } from 'redis';

export const client = await createClient({ socket: { connectTimeout: 10000 } })
  .on('error', (err) => console.error(err))
  .connect();
