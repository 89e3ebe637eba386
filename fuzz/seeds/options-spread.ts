import { createClient, RedisClientOptions } from 'redis';

const defaults: RedisClientOptions = { socket: { connectTimeout: 1000 } };

export function build(overrides: Partial<RedisClientOptions> = {}) {
  const client = createClient({ ...defaults, ...overrides, socket: { ...defaults.socket, keepAlive: true } });
  client.on('error', (err) => console.error(err));
  return client;
}

export const conditional = createClient({
  socket: { reconnectStrategy: process.env.CI ? false : (n: number) => n * 10 },
});
