import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

export function Status({ online }: { online: boolean }) {
  return <b data-redis={client.isReady}>{online ? 'up' : 'down'}</b>;
}
