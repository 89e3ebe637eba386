import { createClient } from 'redis';

const client = createClient({ socket: { reconnectStrategy: false } });

export function Health() {
  return <i>{client.isReady ? 'ok' : 'down'}</i>;
}
