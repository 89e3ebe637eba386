import { createClient } from 'redis';

const client = createClient({
  url: process.env.REDIS_URL,
  socket: {
    reconnectStrategy: (retries: number, cause: Error) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});

export function Status({ online }: { online: boolean }) {
  return <b data-redis={client.isReady}>{online ? 'up' : 'down'}</b>;
}
