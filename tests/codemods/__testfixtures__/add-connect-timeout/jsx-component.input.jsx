import { createClient } from 'redis';

const client = createClient({ socket: { host: 'localhost' } });

export function Status() {
  return <b>{client.isReady ? 'up' : 'down'}</b>;
}
