import { createClient } from 'redis';

export class Cache {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({ url });
  }

  read(key: string) {
    return this.client.get(key);
  }
}
