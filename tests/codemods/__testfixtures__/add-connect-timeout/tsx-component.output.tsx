import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL, socket: { connectTimeout: 10000 } });

export function Status({ online }: { online: boolean }) {
  return <b data-redis={client.isReady}>{online ? 'up' : 'down'}</b>;
}
