import { createClient } from 'redis';

export class RateLimiter {
  private redis = createClient({ url: process.env.REDIS_URL });

  async start(): Promise<void> {
    await this.redis.connect();
  }
}
