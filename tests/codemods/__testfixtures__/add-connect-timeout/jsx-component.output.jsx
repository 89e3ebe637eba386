import { createClient } from 'redis';

const client = createClient({ socket: { host: 'localhost', connectTimeout: 10000 } });

export function Status() {
  return <b>{client.isReady ? 'up' : 'down'}</b>;
}
