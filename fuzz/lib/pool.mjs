// Worker threads that check cases, each case under a time limit: a case that runs past it is recorded
// as a hang and its thread replaced.
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class CasePool {
  /**
   * @param {{ size: number, timeoutMs: number, msPerKiloChar?: number }} options the time limit of a
   * case is `timeoutMs` plus `msPerKiloChar` for each 1,000 characters of the file it builds. The limit
   * catches hangs; the product's time is judged by the lint and codemod budgets. Checking a 2 MB case
   * takes about 150 s of one core (a dozen lints and codemod runs of the file and its output, and the
   * oracles); two workers and the CLI sharing 2 cores stretched that past 200 ms per 1,000 characters.
   */
  constructor({ size, timeoutMs, msPerKiloChar = 400 }) {
    this.size = size;
    this.timeoutMs = timeoutMs;
    this.msPerKiloChar = msPerKiloChar;
    this.idle = [];
    this.queue = [];
    this.nextId = 0;
    this.closed = false;
  }

  async start() {
    await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
  }

  /** Resolves with the worker's result, `{ hang: true }` or `{ crash: message }`. */
  run(record) {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, record, resolve });
      this.dispatch();
    });
  }

  async close() {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  spawn() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL);
      worker.once('error', reject);
      worker.once('message', () => {
        worker.removeListener('error', reject);
        if (this.closed) {
          worker.terminate();
          resolve();
          return;
        }
        this.idle.push(worker);
        this.dispatch();
        resolve();
      });
    });
  }

  /** No thread can be started any more: every waiting case fails with that reason. */
  failAll(error) {
    for (const task of this.queue.splice(0)) task.resolve({ crash: `cannot start a worker: ${error.message}` });
  }

  dispatch() {
    while (this.idle.length > 0 && this.queue.length > 0) this.assign(this.idle.pop(), this.queue.shift());
  }

  assign(worker, task) {
    const finish = (result, healthy) => {
      clearTimeout(timer);
      worker.removeAllListeners('message');
      worker.removeAllListeners('error');
      task.resolve(result);
      if (healthy) {
        this.idle.push(worker);
        this.dispatch();
      } else {
        worker.terminate();
        if (!this.closed) this.spawn().catch((error) => this.failAll(error));
      }
    };
    const expire = () => finish({ hang: true }, false);
    let timer = setTimeout(expire, this.timeoutMs);
    worker.on('message', (message) => {
      if (message.built) return finish(message, true);
      clearTimeout(timer);
      timer = setTimeout(expire, this.timeoutMs + (message.size / 1000) * this.msPerKiloChar);
    });
    worker.on('error', (error) => finish({ crash: String(error?.message ?? error).split('\n')[0] }, false));
    worker.postMessage({ id: task.id, record: task.record });
  }
}
