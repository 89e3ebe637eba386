import { createClient, type RedisClientType } from 'redis';

export class SessionStore {
  private client: RedisClientType;
  private readonly prefix: string;

  constructor(url: string, prefix = 'sess:') {
    this.prefix = prefix;
    this.client = createClient({
      url,
      socket: {
        reconnectStrategy: false,
      },
    });
  }

  async start(): Promise<void> {
    await this.client.connect();
  }

  async get(id: string): Promise<string | null> {
    return this.client.get(this.prefix + id);
  }
}
