import { createClient } from 'redis';

export const client = createClient({
  socket: {
    connectTimeout: 10000, // "wait forever"
  },
});
