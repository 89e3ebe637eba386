import { createClient } from 'redis';

export const client = createClient({
  socket: {
    connectTimeout: 0, // "wait forever"
  },
});
