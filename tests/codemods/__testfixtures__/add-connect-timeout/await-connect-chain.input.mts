import { createClient } from 'redis';

export const client = await createClient()
  .on('error', (err) => console.error(err))
  .connect();
