import { createClient } from 'redis';

export class Queue {
  client?: ReturnType<typeof createClient>;

  open(url: string) {
    this.client! = createClient({ url });
    return this.client!.connect();
  }
}
