import { createClient } from 'redis';

export const client = createClient({
  socket: {
    get reconnectStrategy() {
      return false as const;
    },
  },
});
