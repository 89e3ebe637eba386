// fixture-path: src/long-handler-broken.ts
import { createClient } from 'redis';

export class SessionStore {
  private readonly sessionRedisConnection;

  constructor() {
    this.sessionRedisConnection = createClient({ url: process.env.SESSION_REDIS_URL });
    this.sessionRedisConnection.on(
      'error',
      (err) => console.error('Redis client error:', err),
    );
  }
}
