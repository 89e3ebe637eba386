import { createClient } from 'redis';

export class RateLimiter {
  private redis = createClient({ url: process.env.REDIS_URL }).on('error', (err) => console.error('Redis client error:', err));

  async start(): Promise<void> {
    await this.redis.connect();
  }
}
