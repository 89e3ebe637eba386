import { createClient } from 'redis';

export function makeClient() {
  return createClient({ url: process.env.REDIS_URL });
}
