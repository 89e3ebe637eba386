import { createClient } from 'redis';

export const client = createClient({
  socket: {
    reconnectStrategy(retries: number) {
      if (retries > 0) return new Error(`gave up after ${retries}`);
      return new Error('no reconnects');
    },
  },
});
