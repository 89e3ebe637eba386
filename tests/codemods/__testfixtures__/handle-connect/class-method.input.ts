import { createClient, type RedisClientType } from 'redis';

export class Cache {
  private client: RedisClientType;

  constructor(url: string) {
    this.client = createClient({ url });
    this.client.on('error', (err) => console.error(err));
    this.client.connect();
  }

  async reset() {
    this.client.connect();
  }
}
