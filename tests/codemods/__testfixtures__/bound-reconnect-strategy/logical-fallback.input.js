import { createClient } from 'redis';

export function connect(customStrategy) {
  return createClient({ socket: { reconnectStrategy: customStrategy ?? false } });
}
