import { createClient } from 'redis';

export const client = createClient({
  socket: {
    reconnectStrategy: (retries: number) => (retries > 10 ? new Error('too many retries') : retries * 100),
  },
});
