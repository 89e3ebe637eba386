import { createClient } from 'redis';

export class SessionStore {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({ url });
  }

  async open(): Promise<void> {
    await this.client.connect();
  }

  get(id: string) {
    return this.client.get(`session:${id}`);
  }
}
