import { createClient } from '@redis/client';

export const client = createClient({
  name: 'reports',
  socket: {
    keepAlive: true,
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error(
          'Redis: gave up reconnecting after 20 attempts: ' + cause.message,
        )
        : Math.min(2 ** retries * 50, 2000),
  },
});
