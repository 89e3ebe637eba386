import { createClient } from 'redis';

export class SessionStore {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({ url });
    this.client.on('error', (err) => console.error('Redis client error:', err));
  }

  async open(): Promise<void> {
    await this.client.connect();
  }

  get(id: string) {
    return this.client.get(`session:${id}`);
  }
}
