import { createClient } from 'redis';

export const client = createClient({
  socket: {
    host: 'cache.internal',
    port: 6380,
  },
});
