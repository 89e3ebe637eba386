import { createClient } from 'redis';

export const client = createClient({
  // TODO: credentials come from the vault
  socket: {
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000)
  }
});
