import { createClient } from '@redis/client';

export class Cache {
  #client;
  static shared = createClient();

  constructor(url) {
    this.#client = createClient({ url, socket: { connectTimeout: 2500 } });
    this.#client.on('error', (err) => this.onError(err));
  }

  onError(err) {
    console.error(err);
  }
}
