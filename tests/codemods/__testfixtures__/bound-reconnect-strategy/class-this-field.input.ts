import { createClient } from 'redis';

export class Queue {
  private readonly client: ReturnType<typeof createClient>;

  constructor(url: string) {
    this.client = createClient({ url, socket: { reconnectStrategy: false } });
  }

  push(job: string) {
    return this.client.rPush('jobs', job);
  }
}
