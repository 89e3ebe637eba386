import { createClient } from 'redis';

export const cli = createClient({
  socket: {
    // eslint-disable-next-line redis/no-disabled-reconnect -- a one-shot CLI must fail fast
    reconnectStrategy: false,
  },
});
