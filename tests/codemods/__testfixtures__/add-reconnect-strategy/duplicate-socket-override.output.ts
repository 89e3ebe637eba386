import { createClient } from 'redis';

const primary = createClient({
  socket: {
    connectTimeout: 3000,
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});

export const blocking = primary.duplicate({
  socket: {
    host: 'replica.internal',
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
export { primary };
