import { createClient } from 'redis';

export class Cache {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({
      url,
      socket: {
        reconnectStrategy: (retries: number, cause: Error) =>
          retries >= 20
            ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
            : Math.min(2 ** retries * 50, 2000),
      },
    });
  }

  read(key: string) {
    return this.client.get(key);
  }
}
