import { createClient, type RedisClientType } from 'redis';

export class Cache {
  private client: RedisClientType;

  constructor(url: string) {
    this.client = createClient({ url });
    this.client.on('error', (err) => console.error(err));
    this.client.connect().catch((err) => console.error('Redis client failed to connect:', err));
  }

  async reset() {
    await this.client.connect();
  }
}
