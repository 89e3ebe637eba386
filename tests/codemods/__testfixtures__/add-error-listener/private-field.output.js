import { createClient } from 'redis';

export class Store {
  #client;

  constructor(url) {
    this.#client = createClient({ url });
    this.#client.on('error', (err) => console.error('Redis client error:', err));
  }

  start() {
    return this.#client.connect();
  }
}
