import { createClient } from 'redis';

const oneShot = process.argv.includes('--once');

export const client = createClient({
  socket: {
    reconnectStrategy: oneShot ? false : (retries) => Math.min(retries * 100, 3000),
  },
});
