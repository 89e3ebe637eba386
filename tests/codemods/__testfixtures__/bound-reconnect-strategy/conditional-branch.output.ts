import { createClient } from 'redis';

const oneShot = process.argv.includes('--once');

export const client = createClient({
  socket: {
    reconnectStrategy: oneShot ? (retries: number, cause: Error) => (retries >= 20 ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message) : Math.min(2 ** retries * 50, 2000)) : (retries) => Math.min(retries * 100, 3000),
  },
});
