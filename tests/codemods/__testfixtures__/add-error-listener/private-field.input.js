import { createClient } from 'redis';

export class Store {
  #client;

  constructor(url) {
    this.#client = createClient({ url });
  }

  start() {
    return this.#client.connect();
  }
}
