import { createClient } from 'redis';

export class Cache {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({ url, socket: { connectTimeout: 10000 } });
  }

  read(key: string) {
    return this.client.get(key);
  }
}
