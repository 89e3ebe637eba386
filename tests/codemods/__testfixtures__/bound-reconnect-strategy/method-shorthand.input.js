import { createClient } from 'redis';

export const client = createClient({
  socket: {
    ['reconnectStrategy'](retries) {
      return new Error(`no reconnect (attempt ${retries})`);
    },
  },
});
